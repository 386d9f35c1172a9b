package org.quartermaster.directory.groups.domain;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/** A security group: the first kind of resource whose roles (member, owner) entitlement management hands out. */
public record Group(UUID id, GroupProfile profile, Instant createdDateTime) {

  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_MAIL_NICKNAME = 64;

  public static Change<Group, GroupEvent> create(UUID id, GroupProfile profile, Instant now) {
    validate(profile);
    Group group = new Group(id, profile, now);
    return Change.of(group, new GroupEvent.Created(group));
  }

  public Change<Group, GroupEvent> update(GroupPatch patch) {
    GroupProfile next = new GroupProfile(
        or(patch.displayName(), profile.displayName()),
        or(patch.description(), profile.description()),
        or(patch.mailNickname(), profile.mailNickname()),
        patch.mailEnabled() != null ? patch.mailEnabled() : profile.mailEnabled(),
        patch.securityEnabled() != null ? patch.securityEnabled() : profile.securityEnabled(),
        profile.groupTypes());
    validate(next);
    Group updated = new Group(id, next, createdDateTime);
    return updated.equals(this) ? Change.none(this) : Change.of(updated, new GroupEvent.Updated(updated));
  }

  /**
   * Adding an existing member changes nothing and is not an error: a provisioning retry must not
   * trip over its own earlier success.
   */
  public GroupEvent.RelationshipAdded add(UUID userId, Relationship relationship) {
    return new GroupEvent.RelationshipAdded(id, userId, relationship);
  }

  public GroupEvent.RelationshipRemoved remove(UUID userId, Relationship relationship) {
    return new GroupEvent.RelationshipRemoved(id, userId, relationship);
  }

  public GroupEvent.Deleted delete() {
    return new GroupEvent.Deleted(id);
  }

  /** A patch leaves a property alone when it does not mention it; the current value may be null too. */
  private static String or(String candidate, String current) {
    return candidate != null ? candidate : current;
  }

  private static void validate(GroupProfile profile) {
    if (profile.displayName() == null || profile.displayName().isBlank()) {
      throw new RuleViolation("displayName", "Property 'displayName' is required.");
    }
    if (profile.displayName().length() > MAX_DISPLAY_NAME) {
      throw new RuleViolation("displayName", "Property 'displayName' is longer than " + MAX_DISPLAY_NAME + " characters.");
    }
    if (profile.description() != null && profile.description().length() > MAX_DESCRIPTION) {
      throw new RuleViolation("description", "Property 'description' is longer than " + MAX_DESCRIPTION + " characters.");
    }
    if (profile.mailNickname() == null || profile.mailNickname().isBlank()) {
      throw new RuleViolation("mailNickname", "Property 'mailNickname' is required.");
    }
    if (profile.mailNickname().length() > MAX_MAIL_NICKNAME || profile.mailNickname().chars().anyMatch(Character::isWhitespace)) {
      throw new RuleViolation("mailNickname",
          "Property 'mailNickname' must be at most " + MAX_MAIL_NICKNAME + " characters without spaces.");
    }
    if (!profile.securityEnabled() && !profile.mailEnabled()) {
      throw new RuleViolation("securityEnabled", "A group must be security-enabled, mail-enabled or both.");
    }
  }
}
