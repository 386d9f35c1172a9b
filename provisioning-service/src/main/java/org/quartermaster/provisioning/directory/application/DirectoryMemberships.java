package org.quartermaster.provisioning.directory.application;

import java.util.UUID;
import org.quartermaster.provisioning.connectors.domain.ConnectorPrincipal;
import org.quartermaster.provisioning.connectors.domain.GroupRole;
import org.quartermaster.provisioning.directory.persistence.DirectoryStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Whether a target holds a directory role that Quartermaster did not grant. The read model trails the directory by
 * an event's latency: a membership added by hand a moment before Quartermaster's first grant can be missed, and is
 * then treated as Quartermaster's own.
 */
@Service
public class DirectoryMemberships {

  private final DirectoryStore directory;
  private final ConnectorPrincipal principal;

  public DirectoryMemberships(DirectoryStore directory, ConnectorPrincipal principal) {
    this.directory = directory;
    this.principal = principal;
  }

  /** False for roles of other systems: only the directory's memberships are known here. */
  public Mono<Boolean> heldOutsideQuartermaster(UUID targetId, String roleOriginId, String resourceOriginSystem) {
    if (!GroupRole.ORIGIN_SYSTEM.equalsIgnoreCase(resourceOriginSystem)) {
      return Mono.just(false);
    }
    return GroupRole.parse(roleOriginId)
        .map(role -> directory.holdsNotAddedBy(role.groupId(), targetId,
            role.owner() ? DirectoryProjection.OWNER : DirectoryProjection.MEMBER, principal.objectId()))
        .orElse(Mono.just(false));
  }
}
