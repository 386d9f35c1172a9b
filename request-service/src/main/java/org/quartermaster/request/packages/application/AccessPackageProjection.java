package org.quartermaster.request.packages.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.packages.persistence.AccessPackageStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of access packages; role scopes and incompatibilities are other services' concern for now. */
@Component
public class AccessPackageProjection implements EventHandler {

  private final AccessPackageStore packages;

  public AccessPackageProjection(AccessPackageStore packages) {
    this.packages = packages;
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
    return Mono.empty();
  }

  static AccessPackageSummary summary(AccessPackage accessPackage) {
    return new AccessPackageSummary(UUID.fromString(accessPackage.getId()), UUID.fromString(accessPackage.getCatalogId()),
        accessPackage.getDisplayName(), accessPackage.getDescription(), accessPackage.getIsHidden());
  }
}
