/** HTTP shapes shared by the directory's Graph endpoints. */
package org.quartermaster.directory.web;
