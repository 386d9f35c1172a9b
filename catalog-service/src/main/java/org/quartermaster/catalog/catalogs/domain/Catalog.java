package org.quartermaster.catalog.catalogs.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.quartermaster.catalog.common.domain.Audit;
import org.quartermaster.catalog.common.domain.Conflict;
import org.quartermaster.catalog.common.domain.Reference;
import org.quartermaster.platform.domain.Texts;
import org.quartermaster.platform.domain.Change;
import org.quartermaster.platform.domain.RuleViolation;

/** A container of resources and of the access packages built from them. */
public record Catalog(UUID id, CatalogProfile profile, CatalogType type, Audit audit) {

  /** The built-in catalog every deployment has; the tutorials look it up by this name. */
  public static final String GENERAL = "General";
  static final String GENERAL_DESCRIPTION = "Built-in catalog.";
  /** Who "created" the built-in catalog (Entra shows "Azure AD" here). */
  public static final String SYSTEM = "system";

  public static Change<Catalog, CatalogEvent> create(UUID id, CatalogProfile profile, CatalogType requestedType, Instant now,
      String actor) {
    if (requestedType != null && requestedType != CatalogType.USER_MANAGED) {
      throw new RuleViolation("catalogType", "Property 'catalogType' must be 'userManaged' for a new catalog; '"
          + requestedType.graphName() + "' is reserved for catalogs the service manages, such as 'General'.");
    }
    validate(profile);
    Catalog catalog = new Catalog(id, normalise(profile), CatalogType.USER_MANAGED, Audit.created(now, actor));
    return Change.of(catalog, new CatalogEvent.Created(catalog));
  }

  /** The built-in General catalog, as it is created once per deployment. */
  public static Change<Catalog, CatalogEvent> general(UUID id, Instant now) {
    Catalog catalog = new Catalog(id, new CatalogProfile(GENERAL, GENERAL_DESCRIPTION, CatalogState.PUBLISHED, true),
        CatalogType.SERVICE_DEFAULT, Audit.created(now, SYSTEM));
    return Change.of(catalog, new CatalogEvent.Created(catalog));
  }

  public boolean isBuiltIn() {
    return type == CatalogType.SERVICE_DEFAULT;
  }

  public Change<Catalog, CatalogEvent> update(CatalogPatch patch, Instant now, String actor) {
    if (patch.catalogType() != null && patch.catalogType() != type) {
      throw new RuleViolation("catalogType", isBuiltIn()
          ? "The built-in catalog '" + GENERAL + "' keeps its catalogType 'serviceDefault'."
          : "Property 'catalogType' of a user-managed catalog cannot change to '" + patch.catalogType().graphName() + "'.");
    }
    if (isBuiltIn() && patch.displayName() != null && !patch.displayName().equals(profile.displayName())) {
      throw new RuleViolation("displayName", "The built-in catalog '" + GENERAL + "' cannot be renamed.");
    }
    CatalogProfile next = normalise(new CatalogProfile(
        Texts.or(patch.displayName(), profile.displayName()),
        Texts.or(patch.description(), profile.description()),
        Texts.or(patch.state(), profile.state()),
        Texts.or(patch.externallyVisible(), profile.externallyVisible())));
    validate(next);
    if (next.equals(profile)) {
      return Change.none(this);
    }
    Catalog updated = new Catalog(id, next, type, audit.modified(now, actor));
    return Change.of(updated, new CatalogEvent.Updated(updated));
  }

  /**
   * The built-in catalog stays, and a catalog that still holds access packages stays: deleting it would orphan
   * their policies and assignments.
   */
  public CatalogEvent.Deleted delete(List<Reference> accessPackages) {
    if (isBuiltIn()) {
      throw new Conflict("id", "The built-in catalog '" + GENERAL + "' cannot be deleted.");
    }
    if (!accessPackages.isEmpty()) {
      throw new Conflict("accessPackages", "Catalog " + reference().describe() + " still has access packages: "
          + Reference.describe(accessPackages) + ". Delete them first.");
    }
    return new CatalogEvent.Deleted(id);
  }

  public Reference reference() {
    return new Reference(id, profile.displayName());
  }

  private static CatalogProfile normalise(CatalogProfile profile) {
    return new CatalogProfile(profile.displayName() == null ? null : profile.displayName().trim(), profile.description(),
        profile.state() == null ? CatalogState.PUBLISHED : profile.state(), profile.externallyVisible());
  }

  private static void validate(CatalogProfile profile) {
    Texts.requireDisplayName(profile.displayName());
    Texts.checkDescription(profile.description());
  }
}
