/** Catalogs: the built-in General catalog and user-managed ones, with the rules for changing and deleting them. */
package org.quartermaster.catalog.catalogs.domain;
