package org.quartermaster.provisioning.grants.application;

import java.time.Clock;
import java.util.UUID;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.directory.application.DirectoryMemberships;
import org.quartermaster.provisioning.grants.domain.RoleHolding;
import org.quartermaster.provisioning.grants.persistence.HoldingStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reference-counted grants: an assignment acquires each role it grants and releases it when it ends; only the
 * release of the last holder revokes the role, and never one the target held before Quartermaster. Runs inside the
 * caller's transaction.
 */
@Service
public class RoleHoldings {

  private final HoldingStore store;
  private final DirectoryMemberships directory;
  private final Clock clock;

  public RoleHoldings(HoldingStore store, DirectoryMemberships directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  public Mono<Void> acquire(UUID targetId, RoleDefinition role, UUID assignmentId) {
    String roleOriginId = role.roleOriginId();
    return store.lock(targetId, roleOriginId)
        .then(store.isHolder(targetId, roleOriginId, assignmentId))
        .flatMap(already -> already ? Mono.empty() : store.holding(targetId, roleOriginId).flatMap(before -> {
          Mono<Boolean> held = before.needsPreExistenceCheck()
              ? directory.heldOutsideQuartermaster(targetId, roleOriginId, role.resourceOriginSystem())
              : Mono.just(false);
          return held.flatMap(heldBefore -> store.save(targetId, roleOriginId, assignmentId, true,
              before.acquire(heldBefore), clock.instant()));
        }));
  }

  /** Returns whether the role's system must now revoke it. */
  public Mono<Boolean> release(UUID targetId, RoleDefinition role, UUID assignmentId) {
    String roleOriginId = role.roleOriginId();
    return store.lock(targetId, roleOriginId)
        .then(store.isHolder(targetId, roleOriginId, assignmentId))
        .flatMap(holds -> !holds ? Mono.just(false) : store.holding(targetId, roleOriginId).flatMap(before -> {
          RoleHolding.Release release = before.release();
          return store.save(targetId, roleOriginId, assignmentId, false, release.after(), clock.instant())
              .thenReturn(release.revokeInTargetSystem());
        }));
  }
}
