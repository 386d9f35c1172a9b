package org.quartermaster.directory.groups.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.Change;

class GroupTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static GroupProfile marketing() {
    return new GroupProfile("Marketing resources", "Marketing resources", "markres", false, true, List.of());
  }

  @Test
  void creatingAGroupEmitsCreated() {
    Change<Group, GroupEvent> change = Group.create(UUID.randomUUID(), marketing(), NOW);
    assertThat(change.events()).containsExactly(new GroupEvent.Created(change.state()));
  }

  @Test
  void aGroupMustBeSecurityOrMailEnabledAndHaveANickname() {
    assertThatThrownBy(() -> Group.create(UUID.randomUUID(),
        new GroupProfile("G", null, "g", false, false, List.of()), NOW)).hasMessageContaining("security-enabled");
    assertThatThrownBy(() -> Group.create(UUID.randomUUID(),
        new GroupProfile("G", null, "has space", false, true, List.of()), NOW)).hasMessageContaining("mailNickname");
    assertThatThrownBy(() -> Group.create(UUID.randomUUID(),
        new GroupProfile("G", null, null, false, true, List.of()), NOW)).hasMessageContaining("'mailNickname' is required");
  }

  @Test
  void membershipEventsNameTheGroupTheUserAndTheRole() {
    Group group = Group.create(UUID.randomUUID(), marketing(), NOW).state();
    UUID user = UUID.randomUUID();
    assertThat(group.add(user, Relationship.MEMBER)).isEqualTo(new GroupEvent.RelationshipAdded(group.id(), user, Relationship.MEMBER));
    assertThat(group.remove(user, Relationship.OWNER).groupId()).isEqualTo(group.id());
  }

  @Test
  void anUpdateThatChangesNothingEmitsNothing() {
    Group group = Group.create(UUID.randomUUID(), marketing(), NOW).state();
    assertThat(group.update(new GroupPatch("Marketing resources", null, null, null, null)).changed()).isFalse();
    Change<Group, GroupEvent> renamed = group.update(new GroupPatch("Campaign", null, null, null, null));
    assertThat(renamed.events()).containsExactly(new GroupEvent.Updated(renamed.state()));
  }
}
