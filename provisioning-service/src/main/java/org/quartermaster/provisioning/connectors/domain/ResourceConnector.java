package org.quartermaster.provisioning.connectors.domain;

import java.util.concurrent.CompletionStage;

/**
 * The port to one kind of target system: grants and revokes resource roles there. Both must be idempotent (granting
 * a held role or revoking an absent one succeeds), because an operation interrupted by a crash runs again.
 *
 * <p>A call that fails completes exceptionally with a {@link ConnectorFailure} saying whether retrying can help.
 */
public interface ResourceConnector {

  /** The resource origin system this connector serves, e.g. {@code AadGroup}. */
  String originSystem();

  CompletionStage<Void> grant(RoleAssignmentTarget target);

  CompletionStage<Void> revoke(RoleAssignmentTarget target);
}
