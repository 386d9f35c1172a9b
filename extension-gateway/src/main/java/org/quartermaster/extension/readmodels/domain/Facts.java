package org.quartermaster.extension.readmodels.domain;

import java.util.UUID;

/** The read models' rows, as the payload and the rights checks need them. */
public final class Facts {

  private Facts() {
  }

  public record CatalogFacts(UUID id, String displayName, String description) {
  }

  public record PackageFacts(UUID id, UUID catalogId, String displayName, String description) {
  }

  public record PolicyFacts(UUID id, UUID accessPackageId, String displayName) {
  }

  public record UserFacts(UUID id, String displayName, String userPrincipalName) {
  }

  /** A request as far as callouts need it: who asked, for whom, and where it stands. */
  public record RequestFacts(UUID id, UUID requestorId, UUID targetId, String requestType, String state, String status) {
  }

  /** One customExtensionStageSettings entry of a policy. */
  public record Binding(UUID policyId, String stage, UUID extensionId) {
  }
}
