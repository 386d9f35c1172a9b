package org.quartermaster.request.requests.application;

import java.util.List;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.extensions.domain.CalloutInstance;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.requests.domain.AssignmentRequest;

/**
 * A request with the navigations that were asked for; a navigation not asked for, or unknown to the read models (an
 * add's assignment before provisioning created it), is null.
 *
 * @param calloutInstances the request's custom extension callouts, which Graph shows as a property, not a navigation
 */
public record ExpandedRequest(AssignmentRequest request, AccessPackageSummary accessPackage, Assignment assignment,
    DirectoryUser assignmentTarget, DirectoryUser requestor, List<CalloutInstance> calloutInstances) {

  public ExpandedRequest {
    calloutInstances = calloutInstances == null ? List.of() : List.copyOf(calloutInstances);
  }

  /** A request just stored: nothing expanded, and no callout made yet. */
  public static ExpandedRequest of(AssignmentRequest request) {
    return new ExpandedRequest(request, null, null, null, null, List.of());
  }
}
