package org.quartermaster.catalog.resources.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.common.domain.NotSupported;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

class CatalogResourceTest {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final UUID CATALOG = UUID.randomUUID();

  static DirectoryGroupOrigin marketingGroup() {
    return new DirectoryGroupOrigin(UUID.randomUUID(), "Marketing resources", "Marketing group", "markres", true, false,
        List.of());
  }

  public static CatalogResource groupResource(UUID catalogId, DirectoryGroupOrigin group) {
    return CatalogResource.addGroup(catalogId, group, Optional.empty(), NOW, "admin@contoso.com", UUID::randomUUID).state();
  }

  @Test
  void aGroupBecomesAResourceWithMemberAndOwnerRolesAndItsRootScope() {
    DirectoryGroupOrigin group = marketingGroup();
    String groupId = group.id().toString();

    Change<CatalogResource, ResourceEvent> change = CatalogResource.addGroup(CATALOG, group, Optional.empty(), NOW,
        "admin@contoso.com", UUID::randomUUID);

    CatalogResource resource = change.state();
    assertThat(resource.originId()).isEqualTo(groupId);
    assertThat(resource.originSystem()).isEqualTo(OriginSystem.AAD_GROUP);
    assertThat(resource.id()).isNotEqualTo(group.id());
    assertThat(resource.displayName()).isEqualTo("Marketing resources");
    assertThat(resource.resourceType()).isEqualTo("Security Group");
    assertThat(resource.roles()).extracting(ResourceRole::displayName, ResourceRole::originId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Member", "Member_" + groupId),
            org.assertj.core.groups.Tuple.tuple("Owner", "Owner_" + groupId));
    assertThat(resource.scopes()).singleElement().satisfies(scope -> {
      assertThat(scope.isRootScope()).isTrue();
      assertThat(scope.originId()).isEqualTo(groupId);
      assertThat(scope.originSystem()).isEqualTo(OriginSystem.AAD_GROUP);
    });
    assertThat(change.events()).containsExactly(new ResourceEvent.Added(resource));
    assertThat(resource.roleByOriginId(" member_" + groupId.toUpperCase())).contains(resource.roles().get(0));
  }

  @Test
  void aGroupIsInACatalogOnlyOnce() {
    DirectoryGroupOrigin group = marketingGroup();
    CatalogResource existing = groupResource(CATALOG, group);

    assertThatThrownBy(() -> CatalogResource.addGroup(CATALOG, group, Optional.of(existing), NOW, "a", UUID::randomUUID))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining(group.id().toString())
        .hasMessageContaining("already a resource");
  }

  @Test
  void aResourceWhoseRolesArePackagedCannotBeRemovedAndTheRefusalNamesThePackages() {
    CatalogResource resource = groupResource(CATALOG, marketingGroup());
    Reference campaign = new Reference(UUID.randomUUID(), "Marketing Campaign");

    assertThatThrownBy(() -> resource.remove(List.of(campaign)))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("'Marketing Campaign' (" + campaign.id() + ")");
    assertThat(resource.remove(List.of())).isEqualTo(new ResourceEvent.Removed(resource));
  }

  @Test
  void originSystemsAreReadLeniently() {
    assertThat(OriginSystem.parse("AadGroup ")).isEqualTo(OriginSystem.AAD_GROUP);
    assertThat(OriginSystem.parse(" aadgroup")).isEqualTo(OriginSystem.AAD_GROUP);
    assertThat(OriginSystem.parse("SHAREPOINTONLINE")).isEqualTo(OriginSystem.SHARE_POINT_ONLINE);
    assertThatThrownBy(() -> OriginSystem.parse("Ldap"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'originSystem'").hasMessageContaining("'Ldap'");
    assertThatThrownBy(() -> OriginSystem.parse(null)).isInstanceOf(RuleViolation.class).hasMessageContaining("required");
  }

  @Test
  void applicationsAndSharePointSitesAreRefusedOpenly() {
    assertThat(OriginSystem.AAD_GROUP.requireSupported()).isEqualTo(OriginSystem.AAD_GROUP);
    assertThatThrownBy(() -> OriginSystem.parse("AadApplication").requireSupported())
        .isInstanceOf(NotSupported.class).hasMessageContaining("'AadApplication'").hasMessageContaining("not supported yet");
    assertThatThrownBy(() -> OriginSystem.parse("SharePointOnline").requireSupported())
        .isInstanceOf(NotSupported.class).hasMessageContaining("'SharePointOnline'");
  }

  @Test
  void requestTypesAreReadInAnyCase() {
    assertThat(ResourceRequestType.parse("AdminAdd")).isEqualTo(ResourceRequestType.ADMIN_ADD);
    assertThat(ResourceRequestType.parse("adminremove")).isEqualTo(ResourceRequestType.ADMIN_REMOVE);
    assertThatThrownBy(() -> ResourceRequestType.parse("adminUpdate")).isInstanceOf(NotSupported.class);
    assertThatThrownBy(() -> ResourceRequestType.parse("UserAdd"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'requestType'").hasMessageContaining("adminAdd");
  }

  @Test
  void theResourceTypeFollowsTheKindOfGroup() {
    UUID id = UUID.randomUUID();
    assertThat(new DirectoryGroupOrigin(id, "g", null, "g", true, false, List.of()).resourceType()).isEqualTo("Security Group");
    assertThat(new DirectoryGroupOrigin(id, "g", null, "g", true, true, List.of()).resourceType())
        .isEqualTo("Mail-enabled Security Group");
    assertThat(new DirectoryGroupOrigin(id, "g", null, "g", false, true, List.of("Unified")).resourceType())
        .isEqualTo("Microsoft 365 Group");
  }
}
