package org.quartermaster.catalog.packages.domain;

/** A partial update: a null field is left as it is. */
public record PackagePatch(String displayName, String description, Boolean hidden, Boolean roleScopesVisible) {
}
