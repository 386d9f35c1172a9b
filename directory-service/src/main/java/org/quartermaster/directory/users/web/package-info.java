/** Graph's /users endpoints. */
package org.quartermaster.directory.users.web;
