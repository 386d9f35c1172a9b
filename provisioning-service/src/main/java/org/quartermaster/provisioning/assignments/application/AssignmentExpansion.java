package org.quartermaster.provisioning.assignments.application;

/** The navigations of an assignment a client can ask to have expanded. */
public enum AssignmentExpansion {
  TARGET,
  ACCESS_PACKAGE,
  ASSIGNMENT_POLICY
}
