package org.quartermaster.catalog.resources.domain;

/** A scope as a catalog lists it, with the resource it belongs to (without that resource's roles and scopes). */
public record ListedScope(ResourceScope scope, CatalogResource resource) {
}
