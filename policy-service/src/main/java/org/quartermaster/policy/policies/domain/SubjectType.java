package org.quartermaster.policy.policies.domain;

import java.util.Locale;
import java.util.Set;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.common.domain.NotSupported;
import org.quartermaster.platform.domain.RuleViolation;

/** The kinds of subject set a policy may name today, by their {@code @odata.type} without the namespace. */
public enum SubjectType implements GraphEnum {
  SINGLE_USER("singleUser"),
  GROUP_MEMBERS("groupMembers"),
  REQUESTOR_MANAGER("requestorManager");

  /** Subject sets Graph defines whose membership Quartermaster cannot resolve yet. */
  private static final Set<String> NOT_YET = Set.of("connectedorganizationmembers", "internalsponsors", "externalsponsors",
      "targetusersponsors", "targetmanager", "attributerulemembers", "singleserviceprincipal", "targetapplicationowners",
      "targetagentidentitysponsorsorowners");
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
    if (NOT_YET.contains(name.toLowerCase(Locale.ROOT))) {
      throw new NotSupported(clause, "Subject set '" + odataType.trim() + "' in '" + clause + "' is not supported yet; "
          + "use #microsoft.graph.singleUser, #microsoft.graph.groupMembers or #microsoft.graph.requestorManager.");
    }
    return GraphEnum.parse(SubjectType.class, name, clause + ".@odata.type");
  }
}
