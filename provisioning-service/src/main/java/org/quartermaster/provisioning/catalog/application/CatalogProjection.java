package org.quartermaster.provisioning.catalog.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.Topics;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScope;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.platform.inbox.EventSubscription;
import org.quartermaster.provisioning.assignments.application.AssignmentService;
import org.quartermaster.provisioning.assignments.domain.RoleDefinition;
import org.quartermaster.provisioning.catalog.domain.PackageSummary;
import org.quartermaster.provisioning.catalog.persistence.PackageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of access packages and the roles they grant. A role added to or removed from a package is
 * added to or removed from the package's live assignments too, as Entra does.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogProjection implements EventHandler {

  /** Renaming the consumer replays the catalog's packages from the start into the read model. */
  static final String CONSUMER = "catalog-access-packages";

  private final PackageStore packages;
  private final AssignmentService assignments;
  private final Clock clock;

  public CatalogProjection(PackageStore packages, AssignmentService assignments, Clock clock) {
    this.packages = packages;
    this.assignments = assignments;
    this.clock = clock;
  }

  @Bean
  EventSubscription catalogAccessPackagesSubscription() {
    return new EventSubscription(CONSUMER, List.of(Topics.CATALOG_ACCESS_PACKAGES), this);
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AccessPackageCreated created) {
      return packages.upsert(summary(created.getAccessPackage()));
    }
    if (event instanceof AccessPackageUpdated updated) {
      return packages.upsert(summary(updated.getAccessPackage()));
    }
    if (event instanceof AccessPackageDeleted deleted) {
      return packages.delete(UUID.fromString(deleted.getAccessPackageId()));
    }
    if (event instanceof AccessPackageResourceRoleScopeAdded added) {
      UUID packageId = UUID.fromString(added.getRoleScope().getAccessPackageId());
      RoleDefinition role = role(added.getRoleScope());
      return packages.addRoleScope(packageId, role, clock.instant())
          .flatMap(isNew -> isNew ? assignments.roleAddedToPackage(packageId, role) : Mono.empty());
    }
    if (event instanceof AccessPackageResourceRoleScopeRemoved removed) {
      UUID packageId = UUID.fromString(removed.getRoleScope().getAccessPackageId());
      String roleScopeId = removed.getRoleScope().getId();
      return packages.removeRoleScope(packageId, roleScopeId)
          .flatMap(existed -> existed ? assignments.roleRemovedFromPackage(packageId, roleScopeId) : Mono.empty());
    }
    // Incompatibilities are the request service's concern.
    return Mono.empty();
  }

  static PackageSummary summary(AccessPackage accessPackage) {
    return new PackageSummary(UUID.fromString(accessPackage.getId()), UUID.fromString(accessPackage.getCatalogId()),
        accessPackage.getDisplayName(), accessPackage.getDescription(), accessPackage.getIsHidden());
  }

  static RoleDefinition role(AccessPackageResourceRoleScope roleScope) {
    return new RoleDefinition(roleScope.getId(), roleScope.getRole().getOriginId(), roleScope.getResourceOriginId(),
        roleScope.getResourceOriginSystem());
  }
}
