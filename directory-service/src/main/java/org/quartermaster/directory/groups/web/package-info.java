/** Graph's /groups endpoints, including members and owners. */
package org.quartermaster.directory.groups.web;
