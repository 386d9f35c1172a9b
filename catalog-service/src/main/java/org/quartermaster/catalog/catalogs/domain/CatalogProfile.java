package org.quartermaster.catalog.catalogs.domain;

/** The attributes of a catalog an administrator sets. */
public record CatalogProfile(String displayName, String description, CatalogState state, boolean externallyVisible) {
}
