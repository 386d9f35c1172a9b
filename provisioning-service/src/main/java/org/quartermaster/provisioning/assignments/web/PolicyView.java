package org.quartermaster.provisioning.assignments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.provisioning.policies.domain.PolicySummary;

/** An expanded assignment policy, from the policy service's events: its id and name (beta adds accessPackageId). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(UUID id, UUID accessPackageId, String displayName, String description) {

  public static PolicyView of(UUID id, PolicySummary summary, boolean beta) {
    if (summary == null) {
      return new PolicyView(id, null, null, null);
    }
    return new PolicyView(id, beta ? summary.accessPackageId() : null, summary.displayName(), summary.description());
  }
}
