package org.quartermaster.provisioning.connectors.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Graph names a group's roles Member_{groupId} and Owner_{groupId}; anything else is not a directory role. */
class GroupRoleTest {

  @Test
  void membershipAndOwnership() {
    UUID group = UUID.randomUUID();
    assertThat(GroupRole.parse("Member_" + group)).contains(new GroupRole(group, false));
    assertThat(GroupRole.parse("Owner_" + group)).hasValueSatisfying(role -> assertThat(role.navigation()).isEqualTo("owners"));
    assertThat(GroupRole.parse("member_" + group)).hasValueSatisfying(role -> assertThat(role.navigation()).isEqualTo("members"));
  }

  @Test
  void otherRolesAreNotDirectoryRoles() {
    assertThat(GroupRole.parse("4")).isEmpty();
    assertThat(GroupRole.parse("Reader_" + UUID.randomUUID())).isEmpty();
    assertThat(GroupRole.parse("Member_not-a-guid")).isEmpty();
    assertThat(GroupRole.parse(null)).isEmpty();
  }
}
