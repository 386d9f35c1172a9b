package org.quartermaster.policy.policies.domain;

import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.common.domain.NotSupported;

/** Beta's requestorSettings.scopeType and the v1.0 allowedTargetScope each value stands for. */
public enum BetaScopeType implements GraphEnum {
  NO_SUBJECTS("NoSubjects", TargetScope.NOT_SPECIFIED),
  SPECIFIC_DIRECTORY_SUBJECTS("SpecificDirectorySubjects", TargetScope.SPECIFIC_DIRECTORY_USERS),
  ALL_EXISTING_DIRECTORY_MEMBER_USERS("AllExistingDirectoryMemberUsers", TargetScope.ALL_MEMBER_USERS),
  ALL_EXISTING_DIRECTORY_SUBJECTS("AllExistingDirectorySubjects", TargetScope.ALL_DIRECTORY_USERS),
  SPECIFIC_CONNECTED_ORGANIZATION_SUBJECTS("SpecificConnectedOrganizationSubjects",
      TargetScope.SPECIFIC_CONNECTED_ORGANIZATION_USERS),
  ALL_CONFIGURED_CONNECTED_ORGANIZATION_SUBJECTS("AllConfiguredConnectedOrganizationSubjects",
      TargetScope.ALL_CONFIGURED_CONNECTED_ORGANIZATION_USERS),
  ALL_EXISTING_CONNECTED_ORGANIZATION_SUBJECTS("AllExistingConnectedOrganizationSubjects",
      TargetScope.ALL_CONFIGURED_CONNECTED_ORGANIZATION_USERS),
  ALL_EXTERNAL_SUBJECTS("AllExternalSubjects", TargetScope.ALL_EXTERNAL_USERS);

  static final String CLAUSE = "requestorSettings.scopeType";

  private final String graphName;
  private final TargetScope v1;

  BetaScopeType(String graphName, TargetScope v1) {
    this.graphName = graphName;
    this.v1 = v1;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Absent means NoSubjects, as an absent allowedTargetScope means notSpecified. */
  public static BetaScopeType parse(String value) {
    if (value == null) {
      return NO_SUBJECTS;
    }
    BetaScopeType parsed = GraphEnum.parse(BetaScopeType.class, value, CLAUSE);
    try {
      parsed.v1.requireSupported();
    } catch (NotSupported unsupported) {
      throw new NotSupported(CLAUSE, "Property 'requestorSettings.scopeType' value '" + parsed.graphName + "' is not "
          + "supported yet; Quartermaster honours NoSubjects, SpecificDirectorySubjects, AllExistingDirectoryMemberUsers "
          + "and AllExistingDirectorySubjects.");
    }
    return parsed;
  }

  public TargetScope toV1() {
    return v1;
  }

  public static BetaScopeType of(TargetScope scope) {
    for (BetaScopeType candidate : values()) {
      if (candidate.v1 == scope) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no beta scope type for " + scope);
  }
}
