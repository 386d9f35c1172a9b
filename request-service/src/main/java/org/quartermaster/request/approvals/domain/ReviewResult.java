package org.quartermaster.request.approvals.domain;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.quartermaster.platform.domain.RuleViolation;

/** An approver's decision, spelled as Graph's PATCH sends it: the verb, not the past tense. */
public enum ReviewResult {
  APPROVE("Approve"),
  DENY("Deny");

  private final String graphName;

  ReviewResult(String graphName) {
    this.graphName = graphName;
  }

  public String graphName() {
    return graphName;
  }

  public static ReviewResult parse(String value) {
    return Arrays.stream(values()).filter(result -> value != null && result.graphName.equalsIgnoreCase(value.trim()))
        .findFirst().orElseThrow(() -> new RuleViolation("reviewResult", "Property 'reviewResult' must be "
            + Arrays.stream(values()).map(result -> "'" + result.graphName + "'").collect(Collectors.joining(" or "))
            + ", not " + (value == null ? "missing" : "'" + value + "'") + "."));
  }
}
