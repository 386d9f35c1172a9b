package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.common.domain.NotSupported;

/**
 * Graph's allowedTargetScope: who may be the target of an assignment under a policy. Every value Graph defines is
 * recognised, so a client learns the difference between a typo and a scope Quartermaster cannot honour yet.
 */
public enum TargetScope implements GraphEnum {
  NOT_SPECIFIED("notSpecified", true),
  SPECIFIC_DIRECTORY_USERS("specificDirectoryUsers", true),
  SPECIFIC_CONNECTED_ORGANIZATION_USERS("specificConnectedOrganizationUsers", false),
  SPECIFIC_DIRECTORY_SERVICE_PRINCIPALS("specificDirectoryServicePrincipals", false),
  ALL_MEMBER_USERS("allMemberUsers", true),
  ALL_DIRECTORY_USERS("allDirectoryUsers", true),
  ALL_DIRECTORY_SERVICE_PRINCIPALS("allDirectoryServicePrincipals", false),
  ALL_CONFIGURED_CONNECTED_ORGANIZATION_USERS("allConfiguredConnectedOrganizationUsers", false),
  ALL_EXTERNAL_USERS("allExternalUsers", false),
  ALL_DIRECTORY_AGENT_IDENTITIES("allDirectoryAgentIdentities", false),
  UNKNOWN_FUTURE_VALUE("unknownFutureValue", false);

  static final String CLAUSE = "allowedTargetScope";

  private final String graphName;
  private final boolean supported;

  TargetScope(String graphName, boolean supported) {
    this.graphName = graphName;
    this.supported = supported;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Absent means notSpecified, Graph's "administrator direct assignments only". */
  public static TargetScope parse(String value) {
    if (value == null) {
      return NOT_SPECIFIED;
    }
    return GraphEnum.parse(TargetScope.class, value, CLAUSE).requireSupported();
  }

  public TargetScope requireSupported() {
    if (!supported) {
      throw new NotSupported(CLAUSE, "Property 'allowedTargetScope' value '" + graphName + "' is not supported yet; "
          + "Quartermaster honours notSpecified, specificDirectoryUsers, allMemberUsers and allDirectoryUsers.");
    }
    return this;
  }

  /** Whether the policy's specificAllowedTargets say who is in scope. */
  public boolean isSpecific() {
    return this == SPECIFIC_DIRECTORY_USERS;
  }
}
