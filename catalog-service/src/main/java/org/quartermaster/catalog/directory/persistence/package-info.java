/** The directory_groups table: the catalog's read model of the directory's groups. */
package org.quartermaster.catalog.directory.persistence;
