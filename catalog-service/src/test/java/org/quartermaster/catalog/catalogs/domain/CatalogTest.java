package org.quartermaster.catalog.catalogs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

class CatalogTest {

  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant LATER = NOW.plusSeconds(60);

  static Catalog marketing() {
    return Catalog.create(UUID.randomUUID(), new CatalogProfile("Marketing", null, CatalogState.PUBLISHED, false), null,
        NOW, "admin@contoso.com").state();
  }

  static Catalog general() {
    return Catalog.general(UUID.randomUUID(), NOW).state();
  }

  @Test
  void aNewCatalogIsUserManagedAndAnnouncedByOneEvent() {
    Change<Catalog, CatalogEvent> change = Catalog.create(UUID.randomUUID(),
        new CatalogProfile("  Marketing  ", "Campaigns", null, true), CatalogType.USER_MANAGED, NOW, "admin@contoso.com");

    assertThat(change.state().type()).isEqualTo(CatalogType.USER_MANAGED);
    assertThat(change.state().profile().displayName()).isEqualTo("Marketing");
    assertThat(change.state().profile().state()).as("published unless said otherwise").isEqualTo(CatalogState.PUBLISHED);
    assertThat(change.state().audit().createdBy()).isEqualTo("admin@contoso.com");
    assertThat(change.events()).containsExactly(new CatalogEvent.Created(change.state()));
  }

  @Test
  void displayNameIsRequiredAndBounded() {
    assertThatThrownBy(() -> Catalog.create(UUID.randomUUID(), new CatalogProfile(" ", null, null, false), null, NOW, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("'displayName' is required");
    assertThatThrownBy(() -> Catalog.create(UUID.randomUUID(), new CatalogProfile("x".repeat(257), null, null, false), null,
        NOW, "a")).isInstanceOf(RuleViolation.class).hasMessageContaining("'displayName' is longer than 256");
  }

  @Test
  void onlyTheServiceCreatesServiceDefaultCatalogs() {
    assertThatThrownBy(() -> Catalog.create(UUID.randomUUID(), new CatalogProfile("Mine", null, null, false),
        CatalogType.SERVICE_DEFAULT, NOW, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("catalogType").hasMessageContaining("serviceDefault");
  }

  @Test
  void theBuiltInCatalogIsThePublishedGeneralOne() {
    Catalog general = general();

    assertThat(general.isBuiltIn()).isTrue();
    assertThat(general.profile()).isEqualTo(new CatalogProfile("General", "Built-in catalog.", CatalogState.PUBLISHED, true));
    assertThat(general.audit().createdBy()).isEqualTo(Catalog.SYSTEM);
  }

  @Test
  void theBuiltInCatalogCannotBeDeletedRenamedOrRetyped() {
    Catalog general = general();

    assertThatThrownBy(() -> general.delete(List.of())).isInstanceOf(Conflict.class).hasMessageContaining("General");
    assertThatThrownBy(() -> general.update(new CatalogPatch("Other", null, null, null, null), LATER, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("cannot be renamed");
    assertThatThrownBy(() -> general.update(new CatalogPatch(null, null, CatalogType.USER_MANAGED, null, null), LATER, "a"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("serviceDefault");
    assertThat(general.update(new CatalogPatch(null, "Everything", null, null, null), LATER, "a").changed()).isTrue();
  }

  @Test
  void aCatalogWithAccessPackagesCannotBeDeletedAndTheRefusalNamesThem() {
    Catalog catalog = marketing();
    Reference campaign = new Reference(UUID.randomUUID(), "Marketing Campaign");

    assertThatThrownBy(() -> catalog.delete(List.of(campaign)))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("'Marketing Campaign' (" + campaign.id() + ")");
    assertThat(catalog.delete(List.of())).isEqualTo(new CatalogEvent.Deleted(catalog.id()));
  }

  @Test
  void anUpdateThatChangesNothingEmitsNothingAndAChangeIsStamped() {
    Catalog catalog = marketing();

    assertThat(catalog.update(new CatalogPatch("Marketing", null, null, CatalogState.PUBLISHED, false), LATER, "b").changed())
        .isFalse();
    Change<Catalog, CatalogEvent> unpublished = catalog.update(
        new CatalogPatch(null, null, null, CatalogState.UNPUBLISHED, null), LATER, "b@contoso.com");
    assertThat(unpublished.state().profile().state()).isEqualTo(CatalogState.UNPUBLISHED);
    assertThat(unpublished.state().audit().modifiedDateTime()).isEqualTo(LATER);
    assertThat(unpublished.state().audit().createdDateTime()).isEqualTo(NOW);
    assertThat(unpublished.state().audit().modifiedBy()).isEqualTo("b@contoso.com");
    assertThat(unpublished.events()).containsExactly(new CatalogEvent.Updated(unpublished.state()));
  }
}
