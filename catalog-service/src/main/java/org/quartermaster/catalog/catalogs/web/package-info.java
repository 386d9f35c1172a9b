/** Graph's catalog endpoints: v1.0 {@code /catalogs} and beta {@code /accessPackageCatalogs}, over one model. */
package org.quartermaster.catalog.catalogs.web;
