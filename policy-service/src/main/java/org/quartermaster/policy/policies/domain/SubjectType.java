package org.quartermaster.policy.policies.domain;

import java.util.Locale;
import java.util.Map;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.common.domain.NotSupported;
import org.quartermaster.platform.domain.RuleViolation;

/** The kinds of subject set a policy may name today, by their {@code @odata.type} without the namespace. */
public enum SubjectType implements GraphEnum {
  SINGLE_USER("singleUser"),
  GROUP_MEMBERS("groupMembers"),
  REQUESTOR_MANAGER("requestorManager");

  /**
   * Subject sets Graph defines whose membership Quartermaster cannot resolve yet, each with what is missing. Sponsors
   * and connected-organization members belong to connected organizations, which do not exist here yet.
   */
  private static final Map<String, String> NOT_YET = Map.of(
      "connectedorganizationmembers", "needs connected organizations, which Quartermaster does not have yet",
      "internalsponsors", "needs connected organizations, which Quartermaster does not have yet",
      "externalsponsors", "needs connected organizations, which Quartermaster does not have yet",
      "targetusersponsors", "needs the sponsors of users, which Quartermaster's directory does not keep yet",
      "targetmanager", "is not supported yet",
      "attributerulemembers", "is not supported yet",
      "singleserviceprincipal", "is not supported yet",
      "targetapplicationowners", "is not supported yet",
      "targetagentidentitysponsorsorowners", "is not supported yet");
  private static final String NAMESPACE = "microsoft.graph.";

  private final String graphName;

  SubjectType(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public String odataType() {
    return "#" + NAMESPACE + graphName;
  }

  /** Reads {@code #microsoft.graph.singleUser}; the namespace and the hash may be left out, case does not matter. */
  public static SubjectType parse(String odataType, String clause) {
    if (odataType == null || odataType.isBlank()) {
      throw new RuleViolation(clause, "Property '" + clause + ".@odata.type' is required: "
          + "#microsoft.graph.singleUser, #microsoft.graph.groupMembers or #microsoft.graph.requestorManager.");
    }
    String name = odataType.trim();
    name = name.startsWith("#") ? name.substring(1) : name;
    name = name.toLowerCase(Locale.ROOT).startsWith(NAMESPACE) ? name.substring(NAMESPACE.length()) : name;
    String missing = NOT_YET.get(name.toLowerCase(Locale.ROOT));
    if (missing != null) {
      throw new NotSupported(clause, clause + ": subject set '" + odataType.trim() + "' " + missing
          + "; use singleUser, groupMembers or requestorManager.");
    }
    return GraphEnum.parse(SubjectType.class, name, clause + ".@odata.type");
  }
}
