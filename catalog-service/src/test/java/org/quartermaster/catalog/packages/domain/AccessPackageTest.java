package org.quartermaster.catalog.packages.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

class AccessPackageTest {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final UUID CATALOG = UUID.randomUUID();
  static final UUID OTHER_CATALOG = UUID.randomUUID();

  static AccessPackage campaign() {
    return AccessPackage.create(UUID.randomUUID(), CATALOG, new PackageProfile("Marketing Campaign", null, false, false), NOW,
        "admin@contoso.com").state();
  }

  static CatalogResource groupIn(UUID catalogId) {
    DirectoryGroupOrigin group = new DirectoryGroupOrigin(UUID.randomUUID(), "Marketing resources", null, "m", true, false,
        List.of());
    return CatalogResource.addGroup(catalogId, group, Optional.empty(), NOW, "a", UUID::randomUUID).state();
  }

  static ResourceRole member(CatalogResource resource) {
    return resource.roles().get(0);
  }

  static ResourceScope root(CatalogResource resource) {
    return resource.rootScope().orElseThrow();
  }

  @Test
  void displayNameIsRequiredAndBounded() {
    assertThatThrownBy(() -> AccessPackage.create(UUID.randomUUID(), CATALOG, new PackageProfile(null, null, false, false),
        NOW, "a")).isInstanceOf(RuleViolation.class).hasMessageContaining("'displayName' is required");
    assertThatThrownBy(() -> AccessPackage.create(UUID.randomUUID(), CATALOG,
        new PackageProfile("p".repeat(300), null, false, false), NOW, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("longer than 256");
  }

  @Test
  void grantingARoleYieldsARoleScopeWhoseIdIsRoleIdUnderscoreScopeId() {
    AccessPackage accessPackage = campaign();
    CatalogResource resource = groupIn(CATALOG);

    Change<RoleScope, PackageEvent> change = accessPackage.grant(resource, member(resource), root(resource), false, NOW, "a");

    RoleScope granted = change.state();
    assertThat(granted.id().toString()).isEqualTo(member(resource).id() + "_" + root(resource).id());
    assertThat(RoleScopeId.parse(granted.id().toString())).isEqualTo(granted.id());
    assertThat(granted.resource().originId()).isEqualTo(resource.originId());
    assertThat(granted.catalogId()).isEqualTo(CATALOG);
    assertThat(change.events()).containsExactly(new PackageEvent.RoleScopeAdded(granted));
  }

  @Test
  void aRoleFromAnotherCatalogIsRefusedNamingTheRoleAndBothCatalogs() {
    AccessPackage accessPackage = campaign();
    CatalogResource elsewhere = groupIn(OTHER_CATALOG);

    assertThatThrownBy(() -> accessPackage.grant(elsewhere, member(elsewhere), root(elsewhere), false, NOW, "a"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining(member(elsewhere).originId())
        .hasMessageContaining(OTHER_CATALOG.toString())
        .hasMessageContaining(CATALOG.toString());
  }

  @Test
  void theSameRoleIsGrantedOnce() {
    AccessPackage accessPackage = campaign();
    CatalogResource resource = groupIn(CATALOG);

    assertThatThrownBy(() -> accessPackage.grant(resource, member(resource), root(resource), true, NOW, "a"))
        .isInstanceOf(Conflict.class).hasMessageContaining("already grants").hasMessageContaining("Member_");
  }

  @Test
  void roleAndScopeMustBelongToTheResource() {
    AccessPackage accessPackage = campaign();
    CatalogResource resource = groupIn(CATALOG);
    CatalogResource another = groupIn(CATALOG);

    assertThatThrownBy(() -> accessPackage.grant(resource, member(another), root(resource), false, NOW, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("is not a role of resource");
    assertThatThrownBy(() -> accessPackage.grant(resource, member(resource), root(another), false, NOW, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("is not a scope of resource");
  }

  @Test
  void roleScopeIdsMustBeTwoGuids() {
    UUID role = UUID.randomUUID();
    UUID scope = UUID.randomUUID();
    assertThat(RoleScopeId.parse(role + "_" + scope)).isEqualTo(new RoleScopeId(role, scope));
    assertThatThrownBy(() -> RoleScopeId.parse("nope")).isInstanceOf(RuleViolation.class).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> RoleScopeId.parse(role + "_x")).isInstanceOf(RuleViolation.class);
  }

  @Test
  void aPackageCannotBeIncompatibleWithItselfAndRepeatingADeclarationChangesNothing() {
    AccessPackage accessPackage = campaign();
    AccessPackage other = campaign();

    assertThatThrownBy(() -> accessPackage.declareIncompatible(accessPackage, false))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("itself");
    assertThat(accessPackage.declareIncompatible(other, false))
        .contains(new PackageEvent.IncompatiblePackageAdded(accessPackage.id(), other.id()));
    assertThat(accessPackage.declareIncompatible(other, true)).isEmpty();
    assertThat(accessPackage.withdrawIncompatible(other.id(), false)).isEmpty();
  }

  @Test
  void aPackageHeldByPoliciesOrActiveAssignmentsIsNotDeleted() {
    AccessPackage accessPackage = campaign();
    assertThatThrownBy(() -> accessPackage.delete(new AccessPackage.Holders(List.of("'Specific users' (p1)"), 0),
        List.of(), List.of(), List.of(), List.of()))
        .hasMessageContaining("assignment policies: 'Specific users' (p1)");
    assertThatThrownBy(() -> accessPackage.delete(new AccessPackage.Holders(List.of(), 3),
        List.of(), List.of(), List.of(), List.of()))
        .hasMessageContaining("3 active assignment(s)");
  }

  @Test
  void deletingWithdrawsEverythingFirstWithEachEventKeyedByThePackageItConcerns() {
    AccessPackage accessPackage = campaign();
    CatalogResource resource = groupIn(CATALOG);
    RoleScope granted = accessPackage.grant(resource, member(resource), root(resource), false, NOW, "a").state();
    UUID excluded = UUID.randomUUID();
    UUID group = UUID.randomUUID();
    UUID declaringUs = UUID.randomUUID();

    List<PackageEvent> events = accessPackage.delete(AccessPackage.Holders.none(), List.of(granted), List.of(excluded),
        List.of(group), List.of(declaringUs));

    assertThat(events).containsExactly(
        new PackageEvent.RoleScopeRemoved(granted),
        new PackageEvent.IncompatiblePackageRemoved(accessPackage.id(), excluded),
        new PackageEvent.IncompatibleGroupRemoved(accessPackage.id(), group),
        new PackageEvent.IncompatiblePackageRemoved(declaringUs, accessPackage.id()),
        new PackageEvent.Deleted(accessPackage.id(), CATALOG));
    assertThat(events.get(3).accessPackageId()).isEqualTo(declaringUs);
  }

  @Test
  void anUpdateIsStampedAndANoOpEmitsNothing() {
    AccessPackage accessPackage = campaign();
    Instant later = NOW.plusSeconds(5);

    assertThat(accessPackage.update(new PackagePatch("Marketing Campaign", null, false, null), later, "b").changed()).isFalse();
    Change<AccessPackage, PackageEvent> hidden = accessPackage.update(new PackagePatch(null, null, true, null), later, "b");
    assertThat(hidden.state().profile().hidden()).isTrue();
    assertThat(hidden.state().audit().modifiedDateTime()).isEqualTo(later);
    assertThat(hidden.events()).containsExactly(new PackageEvent.Updated(hidden.state()));
  }
}
