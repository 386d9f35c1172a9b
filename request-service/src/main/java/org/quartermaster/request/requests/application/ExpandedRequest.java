package org.quartermaster.request.requests.application;

import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.requests.domain.AssignmentRequest;

/**
 * A request with the navigations that were asked for; a navigation not asked for, or unknown to the read models (an
 * add's assignment before provisioning created it), is null.
 */
public record ExpandedRequest(AssignmentRequest request, AccessPackageSummary accessPackage, Assignment assignment,
    DirectoryUser assignmentTarget, DirectoryUser requestor) {

  public static ExpandedRequest of(AssignmentRequest request) {
    return new ExpandedRequest(request, null, null, null, null);
  }
}
