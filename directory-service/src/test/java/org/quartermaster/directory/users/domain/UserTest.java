package org.quartermaster.directory.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

class UserTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static UserProfile profile(String upn) {
    return new UserProfile("Requestor1", upn, null, "Requestor1", true, UserType.MEMBER, null, null, null, null);
  }

  @Test
  void creatingAUserEmitsCreatedWithTheNewState() {
    Change<User, UserEvent> change = User.create(UUID.randomUUID(), profile("r1@contoso.com"), NOW);
    assertThat(change.events()).containsExactly(new UserEvent.Created(change.state()));
    assertThat(change.state().createdDateTime()).isEqualTo(NOW);
  }

  @Test
  void aUserPrincipalNameMustLookLikeAliasAtDomain() {
    for (String bad : new String[] {"nodomain", "@contoso.com", "a@b@c", "trailing@"}) {
      assertThatThrownBy(() -> User.create(UUID.randomUUID(), profile(bad), NOW))
          .isInstanceOf(RuleViolation.class)
          .hasMessageContaining("userPrincipalName")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void displayNameIsRequiredAndBounded() {
    UserProfile blank = new UserProfile(" ", "a@b.com", null, "a", true, UserType.MEMBER, null, null, null, null);
    assertThatThrownBy(() -> User.create(UUID.randomUUID(), blank, NOW)).hasMessageContaining("'displayName' is required");
    UserProfile tooLong = new UserProfile("x".repeat(257), "a@b.com", null, "a", true, UserType.MEMBER, null, null, null, null);
    assertThatThrownBy(() -> User.create(UUID.randomUUID(), tooLong, NOW)).hasMessageContaining("longer than 256");
  }

  @Test
  void anUpdateThatChangesNothingEmitsNothing() {
    User user = User.create(UUID.randomUUID(), profile("r1@contoso.com"), NOW).state();
    Change<User, UserEvent> same = user.update(new UserPatch("Requestor1", null, null, null, true, "member", null, null, null, null));
    assertThat(same.changed()).isFalse();
    Change<User, UserEvent> renamed = user.update(new UserPatch("Renamed", null, null, null, null, null, null, null, null, null));
    assertThat(renamed.events()).containsExactly(new UserEvent.Updated(renamed.state()));
    assertThat(renamed.state().profile().userPrincipalName()).isEqualTo("r1@contoso.com");
  }

  @Test
  void aUserCannotManageThemselvesAndManagerChangesAreUpdates() {
    User user = User.create(UUID.randomUUID(), profile("r1@contoso.com"), NOW).state();
    assertThatThrownBy(() -> user.assignManager(user.id())).hasMessageContaining("own manager");
    UUID manager = UUID.randomUUID();
    Change<User, UserEvent> managed = user.assignManager(manager);
    assertThat(managed.state().managerId()).isEqualTo(manager);
    assertThat(managed.state().assignManager(manager).changed()).isFalse();
    assertThat(managed.state().removeManager().state().managerId()).isNull();
  }

  @Test
  void userTypeIsParsedCaseInsensitivelyAndRejectsUnknownValues() {
    assertThat(UserType.parse("guest")).isEqualTo(UserType.GUEST);
    assertThat(UserType.parse(null)).isEqualTo(UserType.MEMBER);
    assertThatThrownBy(() -> UserType.parse("Robot")).hasMessageContaining("'Robot'");
  }
}
