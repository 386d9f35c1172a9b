package org.quartermaster.catalog.packages.application;

/** The navigations of an access package a response can include, whatever each API version calls them. */
public enum PackageExpansion {
  CATALOG,
  ROLE_SCOPES,
  INCOMPATIBLE_PACKAGES,
  INCOMPATIBLE_GROUPS,
  INCOMPATIBLE_WITH,
  ASSIGNMENT_POLICIES
}
