package org.quartermaster.provisioning.assignments.application;

import java.util.UUID;

/**
 * A request names a package whose catalog events have not reached provisioning yet. The event handler fails, so the
 * request is redelivered with backoff until the package arrives.
 */
public class PackageNotKnownYet extends RuntimeException {

  public PackageNotKnownYet(UUID accessPackageId) {
    super("Access package '" + accessPackageId + "' is not in provisioning's read model of the catalog yet.");
  }
}
