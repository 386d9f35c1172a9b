package org.quartermaster.catalog.resources.domain;

/** A role as a catalog lists it, with the resource it belongs to (without that resource's other roles). */
public record ListedRole(ResourceRole role, CatalogResource resource) {
}
