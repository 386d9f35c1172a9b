package org.quartermaster.provisioning.assignments.application;

import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.catalog.domain.PackageSummary;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;
import org.quartermaster.provisioning.policies.domain.PolicySummary;

/**
 * An assignment with the navigations a client expanded; null where not asked for. A target, package or policy the
 * read models do not know (yet) comes back with its id only.
 *
 * @param target the directory user, when {@code target} was expanded and the user is known
 */
public record ExpandedAssignment(Assignment assignment, boolean targetExpanded, DirectoryUser target,
    boolean packageExpanded, PackageSummary accessPackage, boolean policyExpanded, PolicySummary policy) {

  public static ExpandedAssignment of(Assignment assignment) {
    return new ExpandedAssignment(assignment, false, null, false, null, false, null);
  }
}
