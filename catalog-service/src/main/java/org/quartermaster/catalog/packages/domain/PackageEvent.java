package org.quartermaster.catalog.packages.domain;

import java.util.UUID;

/** What happened to an access package; every event is keyed by the package it is about. */
public sealed interface PackageEvent {

  UUID accessPackageId();

  /** A package was created. */
  record Created(AccessPackage accessPackage) implements PackageEvent {
    public UUID accessPackageId() {
      return accessPackage.id();
    }
  }

  /** A package's attributes changed; carries the whole new state. */
  record Updated(AccessPackage accessPackage) implements PackageEvent {
    public UUID accessPackageId() {
      return accessPackage.id();
    }
  }

  /** A package was deleted; the removals of its role scopes and incompatibilities come first. */
  record Deleted(UUID accessPackageId, UUID catalogId) implements PackageEvent {
  }

  /** The package now grants a resource role at a scope. */
  record RoleScopeAdded(RoleScope roleScope) implements PackageEvent {
    public UUID accessPackageId() {
      return roleScope.accessPackageId();
    }
  }

  /** The package no longer grants a resource role at a scope. */
  record RoleScopeRemoved(RoleScope roleScope) implements PackageEvent {
    public UUID accessPackageId() {
      return roleScope.accessPackageId();
    }
  }

  /** The package now declares another package incompatible with it. */
  record IncompatiblePackageAdded(UUID accessPackageId, UUID incompatibleAccessPackageId) implements PackageEvent {
  }

  /** The package no longer declares another package incompatible with it. */
  record IncompatiblePackageRemoved(UUID accessPackageId, UUID incompatibleAccessPackageId) implements PackageEvent {
  }

  /** The package now declares a directory group incompatible with it. */
  record IncompatibleGroupAdded(UUID accessPackageId, UUID groupId) implements PackageEvent {
  }

  /** The package no longer declares a directory group incompatible with it. */
  record IncompatibleGroupRemoved(UUID accessPackageId, UUID groupId) implements PackageEvent {
  }
}
