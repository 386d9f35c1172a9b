package org.quartermaster.directory.users.domain;

import java.time.Instant;
import java.util.UUID;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/** A directory user: who requests, approves and receives access. */
public record User(UUID id, UserProfile profile, UUID managerId, Instant createdDateTime) {

  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_UPN = 113;

  public static Change<User, UserEvent> create(UUID id, UserProfile profile, Instant now) {
    validate(profile);
    User user = new User(id, profile, null, now);
    return Change.of(user, new UserEvent.Created(user));
  }

  public Change<User, UserEvent> update(UserPatch patch) {
    UserProfile next = new UserProfile(
        or(patch.displayName(), profile.displayName()),
        or(patch.userPrincipalName(), profile.userPrincipalName()),
        or(patch.mail(), profile.mail()),
        or(patch.mailNickname(), profile.mailNickname()),
        patch.accountEnabled() != null ? patch.accountEnabled() : profile.accountEnabled(),
        patch.userType() != null ? UserType.parse(patch.userType()) : profile.userType(),
        or(patch.department(), profile.department()),
        or(patch.jobTitle(), profile.jobTitle()),
        or(patch.givenName(), profile.givenName()),
        or(patch.surname(), profile.surname()));
    validate(next);
    return changedTo(new User(id, next, managerId, createdDateTime));
  }

  public Change<User, UserEvent> assignManager(UUID manager) {
    if (id.equals(manager)) {
      throw new RuleViolation("manager", "A user cannot be their own manager.");
    }
    return changedTo(new User(id, profile, manager, createdDateTime));
  }

  public Change<User, UserEvent> removeManager() {
    return changedTo(new User(id, profile, null, createdDateTime));
  }

  public Change<User, UserEvent> delete() {
    return Change.of(this, new UserEvent.Deleted(this));
  }

  private Change<User, UserEvent> changedTo(User next) {
    return next.equals(this) ? Change.none(this) : Change.of(next, new UserEvent.Updated(next));
  }

  private static void validate(UserProfile profile) {
    requireText("displayName", profile.displayName(), MAX_DISPLAY_NAME);
    requireText("userPrincipalName", profile.userPrincipalName(), MAX_UPN);
    int at = profile.userPrincipalName().indexOf('@');
    if (at <= 0 || at != profile.userPrincipalName().lastIndexOf('@') || at == profile.userPrincipalName().length() - 1) {
      throw new RuleViolation("userPrincipalName",
          "Property 'userPrincipalName' must look like alias@domain, not '" + profile.userPrincipalName() + "'.");
    }
    if (profile.mailNickname() != null && profile.mailNickname().chars().anyMatch(Character::isWhitespace)) {
      throw new RuleViolation("mailNickname", "Property 'mailNickname' cannot contain spaces.");
    }
  }

  private static void requireText(String property, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation(property, "Property '" + property + "' is required.");
    }
    if (value.length() > maxLength) {
      throw new RuleViolation(property, "Property '" + property + "' is longer than " + maxLength + " characters.");
    }
  }

  /** A patch leaves a property alone when it does not mention it; the current value may be null too. */
  private static String or(String candidate, String current) {
    return candidate != null ? candidate : current;
  }
}
