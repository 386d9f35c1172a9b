package org.quartermaster.request.separation.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.separation.persistence.SeparationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the read model of the incompatibilities the catalog's access packages declare. */
@Component
public class IncompatibilityProjection implements EventHandler {

  private final SeparationStore separation;

  public IncompatibilityProjection(SeparationStore separation) {
    this.separation = separation;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof IncompatibleAccessPackageAdded added) {
      return separation.addIncompatiblePackage(uuid(added.getAccessPackageId()), uuid(added.getIncompatibleAccessPackageId()));
    }
    if (event instanceof IncompatibleAccessPackageRemoved removed) {
      return separation.removeIncompatiblePackage(uuid(removed.getAccessPackageId()),
          uuid(removed.getIncompatibleAccessPackageId()));
    }
    if (event instanceof IncompatibleGroupAdded added) {
      return separation.addIncompatibleGroup(uuid(added.getAccessPackageId()), uuid(added.getGroupId()));
    }
    if (event instanceof IncompatibleGroupRemoved removed) {
      return separation.removeIncompatibleGroup(uuid(removed.getAccessPackageId()), uuid(removed.getGroupId()));
    }
    if (event instanceof AccessPackageDeleted deleted) {
      return separation.forgetPackage(uuid(deleted.getAccessPackageId()));
    }
    // The packages themselves are the packages read model's; role scopes are provisioning's concern.
    return Mono.empty();
  }

  private static UUID uuid(CharSequence value) {
    return UUID.fromString(value.toString());
  }
}
