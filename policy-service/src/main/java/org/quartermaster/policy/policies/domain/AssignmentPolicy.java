package org.quartermaster.policy.policies.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartermaster.policy.common.domain.Audit;
import org.quartermaster.policy.common.domain.Conflict;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/** The rules under which an access package can be requested and assigned. A policy belongs to one package for good. */
public record AssignmentPolicy(UUID id, UUID accessPackageId, UUID catalogId, PolicyDefinition definition, Audit audit) {

  /**
   * @param namedCatalogId the catalog the client named, if any; it must be the package's
   * @param extensions the custom extensions the stage settings name, as far as they are known, by the setting's id
   * @param ids the source of ids for questions and stage settings the client sent without one
   */
  public static Change<AssignmentPolicy, PolicyEvent> create(UUID id, AccessPackageRef accessPackage, UUID namedCatalogId,
      PolicyDefinition definition, Map<String, CustomExtensionRef> extensions, Instant now, String actor,
      Supplier<UUID> ids) {
    if (namedCatalogId != null && !namedCatalogId.equals(accessPackage.catalogId())) {
      throw new RuleViolation("catalog", "Access package '" + accessPackage.displayName() + "' (" + accessPackage.id()
          + ") is in catalog " + accessPackage.catalogId() + ", not in catalog " + namedCatalogId + ".");
    }
    PolicyDefinition normalised = definition.normalised(ids);
    normalised.validate(now, true);
    normalised.checkExtensions(accessPackage.catalogId(), extensions);
    AssignmentPolicy created = new AssignmentPolicy(id, accessPackage.id(), accessPackage.catalogId(), normalised,
        Audit.created(now, actor));
    return Change.of(created, new PolicyEvent.Created(created));
  }

  /**
   * A PUT: the whole definition is replaced. The body may repeat the policy's id and package, but not change them.
   *
   * @param bodyId the id the body names, if any
   * @param namedPackageId the access package the body names, if any
   * @param extensions the custom extensions the new stage settings name, as far as they are known, by the setting's id
   */
  public Change<AssignmentPolicy, PolicyEvent> replace(String bodyId, UUID namedPackageId, PolicyDefinition next,
      Map<String, CustomExtensionRef> extensions, Instant now, String actor, Supplier<UUID> ids) {
    if (bodyId != null && !bodyId.trim().equalsIgnoreCase(id.toString())) {
      throw new RuleViolation("id", "Property 'id' ('" + bodyId + "') does not match the policy being replaced (" + id
          + ").");
    }
    if (namedPackageId != null && !namedPackageId.equals(accessPackageId)) {
      throw new RuleViolation("accessPackage", "A policy cannot move to another access package (from " + accessPackageId
          + " to " + namedPackageId + "); create a policy on that package instead.");
    }
    PolicyDefinition normalised = next.normalised(ids);
    boolean endChanged = !Objects.equals(normalised.expiration().endDateTime(), definition.expiration().endDateTime());
    normalised.validate(now, endChanged);
    // Kept bindings are checked again too: deleting a bound extension is refused, so they still exist.
    normalised.checkExtensions(catalogId, extensions);
    if (normalised.equals(definition)) {
      return Change.none(this);
    }
    AssignmentPolicy replaced = new AssignmentPolicy(id, accessPackageId, catalogId, normalised, audit.modified(now, actor));
    return Change.of(replaced, new PolicyEvent.Updated(replaced));
  }

  /** Assignments made under a policy keep pointing at it, so a policy still in use stays. */
  public PolicyEvent.Deleted delete(long activeAssignments) {
    if (activeAssignments > 0) {
      throw new Conflict("id", "Policy '" + definition.displayName() + "' (" + id + ") still has " + activeAssignments
          + " active assignment" + (activeAssignments == 1 ? "" : "s") + "; remove "
          + (activeAssignments == 1 ? "it" : "them") + " before deleting the policy.");
    }
    return new PolicyEvent.Deleted(id, accessPackageId);
  }

  /** The package is gone, so its policies go too, whatever the assignment read model still says. */
  public PolicyEvent.Deleted deleteWithPackage() {
    return new PolicyEvent.Deleted(id, accessPackageId);
  }

  /**
   * Whether the requestor may ask for this package for themselves under this policy: targets may self-add, and the
   * requestor is within the policy's target scope. A requestorManager target names a relation to someone else's
   * request, so it never admits a self-request.
   */
  public boolean admitsSelfRequest(Requestor requestor) {
    if (!definition.requestorSettings().enableTargetsToSelfAddAccess()) {
      return false;
    }
    switch (definition.allowedTargetScope()) {
      case SPECIFIC_DIRECTORY_USERS:
        return definition.specificAllowedTargets().stream().anyMatch(target ->
            target.type() == SubjectType.SINGLE_USER && target.userId().equals(requestor.id())
                || target.type() == SubjectType.GROUP_MEMBERS && requestor.groupIds().contains(target.groupId()));
      case ALL_MEMBER_USERS:
        return requestor.memberUser();
      case ALL_DIRECTORY_USERS:
        return requestor.inDirectory();
      default:
        return false;
    }
  }

  public String displayName() {
    return definition.displayName();
  }
}
