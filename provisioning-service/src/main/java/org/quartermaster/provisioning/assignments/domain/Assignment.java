package org.quartermaster.provisioning.assignments.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.provisioning.common.domain.Conflict;

/**
 * An access package assignment: a target holding the resource roles of a package for a while.
 *
 * <p>The state follows the roles: {@code delivering} until every role is {@code Fulfilled} ({@code delivered}), or
 * {@code deliveryFailed} as soon as one role fails for good. Ending it (removal or expiry) revokes every role first
 * and only then moves it to {@code expired}, so "delivered" and "expired" always describe what the target systems
 * hold, not what was asked.
 *
 * @param requestId the request that caused the latest change
 * @param ending set while a removal or expiry is revoking the roles
 * @param failureReason why delivery failed, while it is failed
 */
public record Assignment(UUID id, UUID accessPackageId, UUID catalogId, UUID assignmentPolicyId, UUID targetId,
    AssignmentState state, UUID requestId, Schedule schedule, Instant expiredDateTime, Ending ending,
    List<AssignedRole> roles, String failureReason, Instant createdDateTime, Instant modifiedDateTime) {

  public Assignment {
    roles = List.copyOf(roles);
  }

  /**
   * Starts delivering the package's roles to the request's target. A package without roles is delivered at once.
   *
   * @param policyExpiration the policy's lifecycle, used when the request leaves the expiration unspecified
   */
  public static Change<Assignment, AssignmentEvent> create(UUID id, AssignmentRequest request, List<RoleDefinition> roles,
      ExpirationPattern policyExpiration, Instant now) {
    Schedule schedule = Schedule.resolve(request.startDateTime(), request.expiration(), policyExpiration, now);
    List<AssignedRole> pending = roles.stream().map(role -> AssignedRole.pending(id, role)).toList();
    Assignment created = new Assignment(id, request.accessPackageId(), request.catalogId(), request.assignmentPolicyId(),
        request.targetId(), AssignmentState.DELIVERING, request.requestId(), schedule, null, null, pending, null, now, now);
    if (!pending.isEmpty()) {
      return Change.of(created, new AssignmentEvent.Created(created));
    }
    Assignment delivered = created.withState(AssignmentState.DELIVERED, null);
    return new Change<>(delivered, List.of(new AssignmentEvent.Created(created), new AssignmentEvent.Granted(delivered)));
  }

  /**
   * A request whose schedule cannot be honoured still gets its assignment, failed and holding nothing, so the request
   * learns why instead of waiting forever.
   */
  public static Change<Assignment, AssignmentEvent> refuse(UUID id, AssignmentRequest request, RuleViolation why, Instant now) {
    Schedule schedule = new Schedule(now, ExpirationPattern.NOT_SPECIFIED, null);
    Assignment refused = new Assignment(id, request.accessPackageId(), request.catalogId(), request.assignmentPolicyId(),
        request.targetId(), AssignmentState.DELIVERY_FAILED, request.requestId(), schedule, null, null, List.of(),
        why.getMessage(), now, now);
    return new Change<>(refused, List.of(new AssignmentEvent.Created(refused),
        new AssignmentEvent.DeliveryFailed(refused, why.getMessage())));
  }

  /** The same assignment with its roles, as loaded from storage. */
  public Assignment withRoles(List<AssignedRole> loaded) {
    return new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state, requestId, schedule,
        expiredDateTime, ending, loaded, failureReason, createdDateTime, modifiedDateTime);
  }

  public String status() {
    return state.status();
  }

  public boolean isEnded() {
    return state == AssignmentState.EXPIRED;
  }

  /** Neither ended nor ending: it still wants its roles held. */
  public boolean isLive() {
    return !isEnded() && ending == null;
  }

  public Optional<AssignedRole> role(String roleScopeId) {
    return roles.stream().filter(role -> role.roleScopeId().equals(roleScopeId)).findFirst();
  }

  /** The target system confirmed the role. A role of an assignment that is ending, or not pending, is left alone. */
  public Change<Assignment, AssignmentEvent> roleGranted(String roleScopeId, Instant now) {
    Optional<AssignedRole> role = role(roleScopeId);
    if (!isLive() || role.isEmpty() || role.get().status() != RoleStatus.PENDING_FULFILLMENT) {
      return Change.none(this);
    }
    AssignedRole granted = role.get().with(RoleStatus.FULFILLED, null);
    Assignment next = withRole(granted, now);
    List<AssignmentEvent> events = new ArrayList<>();
    events.add(new AssignmentEvent.RoleGranted(next, granted));
    if (next.state == AssignmentState.DELIVERING && next.allRoles(RoleStatus.FULFILLED)) {
      next = next.withState(AssignmentState.DELIVERED, null);
      events.add(new AssignmentEvent.Granted(next));
    }
    return new Change<>(next, events);
  }

  /** The target system refused the role for good: the assignment's delivery failed, naming the role and the cause. */
  public Change<Assignment, AssignmentEvent> roleFailed(String roleScopeId, String cause, Instant now) {
    Optional<AssignedRole> role = role(roleScopeId);
    if (!isLive() || role.isEmpty() || role.get().status() != RoleStatus.PENDING_FULFILLMENT) {
      return Change.none(this);
    }
    AssignedRole failed = role.get().with(RoleStatus.FAILED, cause);
    Assignment next = withRole(failed, now);
    if (next.state != AssignmentState.DELIVERING) {
      return new Change<>(next, List.of());
    }
    String reason = "Resource role '" + failed.role().roleOriginId() + "' of resource '" + failed.role().resourceOriginId()
        + "' (" + failed.role().resourceOriginSystem() + ") could not be granted: " + cause;
    next = next.withState(AssignmentState.DELIVERY_FAILED, reason);
    return Change.of(next, new AssignmentEvent.DeliveryFailed(next, reason));
  }

  /**
   * Graph's reprocess: a failed or still-delivering assignment retries its failed roles; a delivered one re-enforces
   * every role it grants. Returns the roles to (re)grant.
   */
  public Reprocessing reprocess(UUID byRequest, Instant now) {
    if (!isLive()) {
      throw new Conflict("Assignment '" + id + "' is " + (ending != null ? "being removed" : state.graphName())
          + "; only a delivering, delivered or failed assignment can be reprocessed.");
    }
    UUID request = byRequest == null ? requestId : byRequest;
    if (state == AssignmentState.DELIVERED) {
      Assignment next = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state, request,
          schedule, expiredDateTime, ending, roles, failureReason, createdDateTime, now);
      return new Reprocessing(next, roles, true);
    }
    List<AssignedRole> retried = roles.stream()
        .map(role -> role.status() == RoleStatus.FAILED ? role.with(RoleStatus.PENDING_FULFILLMENT, null) : role).toList();
    List<AssignedRole> toGrant = roles.stream().filter(role -> role.status() == RoleStatus.FAILED)
        .map(role -> role.with(RoleStatus.PENDING_FULFILLMENT, null)).toList();
    Assignment next = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId,
        AssignmentState.DELIVERING, request, schedule, expiredDateTime, ending, retried, null, createdDateTime, now);
    return new Reprocessing(next, toGrant, false);
  }

  /**
   * What a reprocess changed and which roles to send to their systems again.
   *
   * @param reassert the roles are believed held already; granting again only re-enforces them
   */
  public record Reprocessing(Assignment assignment, List<AssignedRole> toGrant, boolean reassert) {
  }

  /**
   * Starts ending the assignment. Roles in {@code alreadyReleased} need no call to their system (another assignment
   * still grants them, or the target held them before Quartermaster did) and are revoked at once; the rest are revoked
   * by their systems and reported with {@link #roleRevoked}.
   */
  public Change<Assignment, AssignmentEvent> end(Ending why, UUID byRequest, Set<String> alreadyReleased, Instant now) {
    if (!isLive()) {
      return Change.none(this);
    }
    Assignment ending = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state,
        byRequest == null ? requestId : byRequest, schedule, expiredDateTime, why, roles, failureReason, createdDateTime, now);
    List<AssignmentEvent> events = new ArrayList<>();
    Assignment next = ending;
    for (AssignedRole role : roles) {
      if (alreadyReleased.contains(role.roleScopeId())) {
        Change<Assignment, AssignmentEvent> revoked = next.revokeRole(role.roleScopeId(), now);
        next = revoked.state();
        events.addAll(revoked.events());
      }
    }
    Change<Assignment, AssignmentEvent> finished = next.finishIfRevoked(now);
    events.addAll(finished.events());
    return new Change<>(finished.state(), events);
  }

  /** The roles an ending assignment still has to have revoked in their systems. */
  public List<AssignedRole> rolesToRelease() {
    return roles.stream().filter(role -> role.status() != RoleStatus.REMOVED).toList();
  }

  /** Its system revoked a role of an ending assignment; the last one ends the assignment. */
  public Change<Assignment, AssignmentEvent> roleRevoked(String roleScopeId, Instant now) {
    if (ending == null) {
      return Change.none(this);
    }
    Change<Assignment, AssignmentEvent> revoked = revokeRole(roleScopeId, now);
    return revoked.andThen(revoked.state().finishIfRevoked(now));
  }

  /**
   * A remove request for an assignment that already ended has nothing to revoke; it is answered at once so the
   * request completes.
   */
  public Change<Assignment, AssignmentEvent> alreadyEnded(UUID byRequest) {
    Assignment answered = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state,
        byRequest, schedule, expiredDateTime, ending, roles, failureReason, createdDateTime, modifiedDateTime);
    return new Change<>(this, List.of(new AssignmentEvent.Removed(answered)));
  }

  /**
   * An update request changes when the assignment expires. Only a delivered assignment is updated; any other is
   * left as it is and the request is told why.
   */
  public Change<Assignment, AssignmentEvent> reschedule(AssignmentRequest request, ExpirationPattern policyExpiration,
      Instant now) {
    if (state != AssignmentState.DELIVERED || ending != null) {
      return refuseUpdate(request, "Assignment '" + id + "' is " + (ending != null ? "being removed" : state.graphName())
          + "; only a delivered assignment can be updated.");
    }
    Instant start = request.startDateTime() == null ? now : request.startDateTime();
    ExpirationPattern pattern = request.expiration() != null && request.expiration().isSpecified() ? request.expiration()
        : policyExpiration != null && policyExpiration.isSpecified() ? policyExpiration : ExpirationPattern.NOT_SPECIFIED;
    Schedule rescheduled;
    try {
      rescheduled = new Schedule(schedule.startDateTime(), pattern, pattern.expiresAt(start).orElse(null));
    } catch (RuleViolation invalid) {
      return refuseUpdate(request, invalid.getMessage());
    }
    Assignment next = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state,
        request.requestId(), rescheduled, expiredDateTime, ending, roles, failureReason, createdDateTime, now);
    return Change.of(next, new AssignmentEvent.Granted(next));
  }

  /** The update is not applied; the event carries the unchanged assignment and names the request that was refused. */
  private Change<Assignment, AssignmentEvent> refuseUpdate(AssignmentRequest request, String reason) {
    Assignment answered = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state,
        request.requestId(), schedule, expiredDateTime, ending, roles, failureReason, createdDateTime, modifiedDateTime);
    return new Change<>(this, List.of(new AssignmentEvent.DeliveryFailed(answered, reason)));
  }

  /**
   * The package gained a role: a live assignment gains it too, pending, and is delivering again until it is held.
   * Returns the unchanged assignment when it already has the role or no longer wants roles.
   */
  public Assignment addRole(RoleDefinition role, Instant now) {
    if (!isLive() || role(role.roleScopeId()).isPresent()) {
      return this;
    }
    List<AssignedRole> more = new ArrayList<>(roles);
    more.add(AssignedRole.pending(id, role));
    AssignmentState next = state == AssignmentState.DELIVERED ? AssignmentState.DELIVERING : state;
    return new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, next, requestId, schedule,
        expiredDateTime, ending, more, failureReason, createdDateTime, now);
  }

  /**
   * The package lost a role: a live assignment stops granting it. If that was the last role it waited for, the
   * assignment is delivered.
   */
  public Change<Assignment, AssignmentEvent> dropRole(String roleScopeId, Instant now) {
    Optional<AssignedRole> role = role(roleScopeId);
    if (!isLive() || role.isEmpty()) {
      return Change.none(this);
    }
    List<AssignedRole> rest = roles.stream().filter(other -> !other.roleScopeId().equals(roleScopeId)).toList();
    Assignment next = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state, requestId,
        schedule, expiredDateTime, ending, rest, failureReason, createdDateTime, now);
    List<AssignmentEvent> events = new ArrayList<>();
    events.add(new AssignmentEvent.RoleRevoked(next, role.get().with(RoleStatus.REMOVED, null)));
    if (next.state == AssignmentState.DELIVERING && next.allRoles(RoleStatus.FULFILLED)) {
      next = next.withState(AssignmentState.DELIVERED, null);
      events.add(new AssignmentEvent.Granted(next));
    }
    return new Change<>(next, events);
  }

  private Change<Assignment, AssignmentEvent> revokeRole(String roleScopeId, Instant now) {
    Optional<AssignedRole> role = role(roleScopeId);
    if (role.isEmpty() || role.get().status() == RoleStatus.REMOVED) {
      return Change.none(this);
    }
    AssignedRole removed = role.get().with(RoleStatus.REMOVED, null);
    Assignment next = withRole(removed, now);
    return Change.of(next, new AssignmentEvent.RoleRevoked(next, removed));
  }

  private Change<Assignment, AssignmentEvent> finishIfRevoked(Instant now) {
    if (ending == null || !allRoles(RoleStatus.REMOVED)) {
      return Change.none(this);
    }
    Assignment ended = new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, AssignmentState.EXPIRED,
        requestId, schedule, now, null, roles, failureReason, createdDateTime, now);
    return Change.of(ended, ending == Ending.REMOVAL ? new AssignmentEvent.Removed(ended) : new AssignmentEvent.Expired(ended));
  }

  private boolean allRoles(RoleStatus status) {
    return roles.stream().allMatch(role -> role.status() == status);
  }

  private Assignment withRole(AssignedRole changed, Instant now) {
    List<AssignedRole> updated = roles.stream()
        .map(role -> role.roleScopeId().equals(changed.roleScopeId()) ? changed : role).toList();
    return new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, state, requestId, schedule,
        expiredDateTime, ending, updated, failureReason, createdDateTime, now);
  }

  private Assignment withState(AssignmentState next, String reason) {
    return new Assignment(id, accessPackageId, catalogId, assignmentPolicyId, targetId, next, requestId, schedule,
        expiredDateTime, ending, roles, reason, createdDateTime, modifiedDateTime);
  }
}
