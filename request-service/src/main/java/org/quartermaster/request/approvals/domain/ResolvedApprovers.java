package org.quartermaster.request.approvals.domain;

import java.util.List;
import java.util.UUID;

/**
 * Who a stage's subject sets name, looked up in the directory right before the stage starts (or escalates). The
 * approval decides from these whom to ask: it removes the requestor and the target, and falls back when nobody is left.
 *
 * @param primary the primary (or escalation) approvers
 * @param fallback the fallback primary (or fallback escalation) approvers
 */
public record ResolvedApprovers(List<UUID> primary, List<UUID> fallback) {

  public static final ResolvedApprovers NONE = new ResolvedApprovers(List.of(), List.of());

  public ResolvedApprovers {
    primary = List.copyOf(primary);
    fallback = List.copyOf(fallback);
  }
}
