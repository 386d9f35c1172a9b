/** The catalogs table. */
package org.quartermaster.catalog.catalogs.persistence;
