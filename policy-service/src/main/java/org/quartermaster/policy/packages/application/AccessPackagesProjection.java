package org.quartermaster.policy.packages.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.policy.packages.persistence.AccessPackageStore;
import org.quartermaster.policy.policies.application.PolicyService;
import org.quartermaster.policy.policies.domain.AccessPackageRef;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of access packages. A deleted package takes its policies with it; each removal is the policy
 * service's own event, caused by the catalog's.
 */
@Component
public class AccessPackagesProjection implements EventHandler {

  private final AccessPackageStore packages;
  private final PolicyService policies;

  public AccessPackagesProjection(AccessPackageStore packages, PolicyService policies) {
    this.packages = packages;
    this.policies = policies;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AccessPackageCreated created) {
      return packages.upsert(ref(created.getAccessPackage()));
    }
    if (event instanceof AccessPackageUpdated updated) {
      return packages.upsert(ref(updated.getAccessPackage()));
    }
    if (event instanceof AccessPackageDeleted deleted) {
      UUID packageId = UUID.fromString(deleted.getAccessPackageId());
      return packages.lock(packageId)
          .flatMap(found -> policies.packageDeleted(packageId))
          .then(packages.delete(packageId));
    }
    // Role scopes and incompatibilities are the provisioning and request services' concern.
    return Mono.empty();
  }

  static AccessPackageRef ref(AccessPackage accessPackage) {
    return new AccessPackageRef(UUID.fromString(accessPackage.getId()), UUID.fromString(accessPackage.getCatalogId()),
        accessPackage.getDisplayName(), accessPackage.getDescription(), accessPackage.getIsHidden());
  }
}
