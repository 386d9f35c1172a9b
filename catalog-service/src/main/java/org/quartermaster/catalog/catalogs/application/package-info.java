/** Catalog use cases, each one transaction over the catalog's rows and its outgoing events. */
package org.quartermaster.catalog.catalogs.application;
