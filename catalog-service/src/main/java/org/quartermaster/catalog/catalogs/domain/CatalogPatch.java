package org.quartermaster.catalog.catalogs.domain;

/** A partial update: a null field is left as it is. */
public record CatalogPatch(String displayName, String description, CatalogType catalogType, CatalogState state,
    Boolean externallyVisible) {
}
