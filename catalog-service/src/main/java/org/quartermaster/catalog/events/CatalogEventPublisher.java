package org.quartermaster.catalog.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.catalog.catalogs.domain.Catalog;
import org.quartermaster.catalog.catalogs.domain.CatalogEvent;
import org.quartermaster.catalog.packages.domain.AccessPackage;
import org.quartermaster.catalog.packages.domain.PackageEvent;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.ResourceEvent;
import org.quartermaster.catalog.resources.domain.ResourceRole;
import org.quartermaster.catalog.resources.domain.ResourceScope;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.catalog.AccessPackageCatalog;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResource;
import org.quartermaster.events.catalog.AccessPackageResourceRole;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScope;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageResourceScope;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.catalog.CatalogResourceRemoved;
import org.quartermaster.events.catalog.CatalogState;
import org.quartermaster.events.catalog.CatalogType;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.platform.outbox.DomainEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Translates the catalog's domain events to their Avro form and appends them to the outbox: catalog and resource
 * events keyed by catalog id, everything about an access package keyed by the package id.
 */
@Component
public class CatalogEventPublisher {

  private final DomainEventPublisher publisher;

  public CatalogEventPublisher(DomainEventPublisher publisher) {
    this.publisher = publisher;
  }

  public Mono<Void> catalogs(List<CatalogEvent> events) {
    return publisher.publish(events, CatalogEvent::catalogId, CatalogEventPublisher::toAvro);
  }

  public Mono<Void> resources(List<ResourceEvent> events) {
    return publisher.publish(events, ResourceEvent::catalogId, CatalogEventPublisher::toAvro);
  }

  public Mono<Void> packages(List<PackageEvent> events) {
    return publisher.publish(events, PackageEvent::accessPackageId, CatalogEventPublisher::toAvro);
  }

  static SpecificRecord toAvro(CatalogEvent event, EventMetadata meta) {
    if (event instanceof CatalogEvent.Created created) {
      return new CatalogCreated(meta, snapshot(created.catalog()));
    }
    if (event instanceof CatalogEvent.Updated updated) {
      return new CatalogUpdated(meta, snapshot(updated.catalog()));
    }
    return new CatalogDeleted(meta, event.catalogId().toString());
  }

  static SpecificRecord toAvro(ResourceEvent event, EventMetadata meta) {
    AccessPackageResource resource = snapshot(event.resource());
    return event instanceof ResourceEvent.Added
        ? new CatalogResourceAdded(meta, resource) : new CatalogResourceRemoved(meta, resource);
  }

  static SpecificRecord toAvro(PackageEvent event, EventMetadata meta) {
    String packageId = event.accessPackageId().toString();
    if (event instanceof PackageEvent.Created created) {
      return new AccessPackageCreated(meta, snapshot(created.accessPackage()));
    }
    if (event instanceof PackageEvent.Updated updated) {
      return new AccessPackageUpdated(meta, snapshot(updated.accessPackage()));
    }
    if (event instanceof PackageEvent.Deleted deleted) {
      return new AccessPackageDeleted(meta, packageId, deleted.catalogId().toString());
    }
    if (event instanceof PackageEvent.RoleScopeAdded added) {
      return new AccessPackageResourceRoleScopeAdded(meta, snapshot(added.roleScope()));
    }
    if (event instanceof PackageEvent.RoleScopeRemoved removed) {
      return new AccessPackageResourceRoleScopeRemoved(meta, snapshot(removed.roleScope()));
    }
    if (event instanceof PackageEvent.IncompatiblePackageAdded added) {
      return new IncompatibleAccessPackageAdded(meta, packageId, added.incompatibleAccessPackageId().toString());
    }
    if (event instanceof PackageEvent.IncompatiblePackageRemoved removed) {
      return new IncompatibleAccessPackageRemoved(meta, packageId, removed.incompatibleAccessPackageId().toString());
    }
    if (event instanceof PackageEvent.IncompatibleGroupAdded added) {
      return new IncompatibleGroupAdded(meta, packageId, added.groupId().toString());
    }
    PackageEvent.IncompatibleGroupRemoved removed = (PackageEvent.IncompatibleGroupRemoved) event;
    return new IncompatibleGroupRemoved(meta, packageId, removed.groupId().toString());
  }

  private static AccessPackageCatalog snapshot(Catalog catalog) {
    return AccessPackageCatalog.newBuilder()
        .setId(catalog.id().toString())
        .setDisplayName(catalog.profile().displayName())
        .setDescription(catalog.profile().description())
        .setCatalogType(CatalogType.valueOf(catalog.type().graphName()))
        .setState(CatalogState.valueOf(catalog.profile().state().graphName()))
        .setIsExternallyVisible(catalog.profile().externallyVisible())
        .build();
  }

  private static AccessPackageResource snapshot(CatalogResource resource) {
    return AccessPackageResource.newBuilder()
        .setId(resource.id().toString())
        .setCatalogId(resource.catalogId().toString())
        .setOriginId(resource.originId())
        .setOriginSystem(resource.originSystem().graphName())
        .setDisplayName(resource.displayName())
        .setDescription(resource.description())
        .setResourceType(resource.resourceType())
        .setRoles(resource.roles().stream().map(CatalogEventPublisher::snapshot).toList())
        .setScopes(resource.scopes().stream().map(CatalogEventPublisher::snapshot).toList())
        .build();
  }

  private static AccessPackageResourceRole snapshot(ResourceRole role) {
    return new AccessPackageResourceRole(role.id().toString(), role.originId(), role.originSystem().graphName(),
        role.displayName(), role.description());
  }

  private static AccessPackageResourceScope snapshot(ResourceScope scope) {
    return new AccessPackageResourceScope(scope.id().toString(), scope.originId(), scope.originSystem().graphName(),
        scope.displayName(), scope.description(), scope.isRootScope());
  }

  private static org.quartermaster.events.catalog.AccessPackage snapshot(AccessPackage accessPackage) {
    return org.quartermaster.events.catalog.AccessPackage.newBuilder()
        .setId(accessPackage.id().toString())
        .setCatalogId(accessPackage.catalogId().toString())
        .setDisplayName(accessPackage.profile().displayName())
        .setDescription(accessPackage.profile().description())
        .setIsHidden(accessPackage.profile().hidden())
        .build();
  }

  private static AccessPackageResourceRoleScope snapshot(RoleScope roleScope) {
    return AccessPackageResourceRoleScope.newBuilder()
        .setId(roleScope.id().toString())
        .setAccessPackageId(roleScope.accessPackageId().toString())
        .setCatalogId(roleScope.catalogId().toString())
        .setRole(snapshot(roleScope.role()))
        .setScope(snapshot(roleScope.scope()))
        .setResourceId(roleScope.resource().id().toString())
        .setResourceOriginId(roleScope.resource().originId())
        .setResourceOriginSystem(roleScope.resource().originSystem().graphName())
        .setResourceDisplayName(roleScope.resource().displayName())
        .build();
  }
}
