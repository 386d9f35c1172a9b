package org.quartermaster.catalog.packages.domain;

/** The attributes of an access package an administrator sets; isRoleScopesVisible exists only in beta. */
public record PackageProfile(String displayName, String description, boolean hidden, boolean roleScopesVisible) {
}
