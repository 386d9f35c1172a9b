package org.quartermaster.catalog.directory.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.catalog.directory.persistence.DirectoryGroupStore;
import org.quartermaster.catalog.packages.application.AccessPackageService;
import org.quartermaster.catalog.resources.domain.DirectoryGroupOrigin;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model of directory groups. A deleted group also stops being an incompatible group of any access
 * package; that withdrawal is the catalog's own event, caused by the directory's.
 */
@Component
public class DirectoryGroupsProjection implements EventHandler {

  private final DirectoryGroupStore groups;
  private final AccessPackageService accessPackages;

  public DirectoryGroupsProjection(DirectoryGroupStore groups, AccessPackageService accessPackages) {
    this.groups = groups;
    this.accessPackages = accessPackages;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof GroupCreated created) {
      return groups.upsert(origin(created.getGroup()));
    }
    if (event instanceof GroupUpdated updated) {
      return groups.upsert(origin(updated.getGroup()));
    }
    if (event instanceof GroupDeleted deleted) {
      UUID groupId = UUID.fromString(deleted.getGroupId());
      return groups.delete(groupId).then(accessPackages.groupDeleted(groupId));
    }
    // Memberships are the provisioning service's concern, not the catalog's.
    return Mono.empty();
  }

  static DirectoryGroupOrigin origin(DirectoryGroup group) {
    return new DirectoryGroupOrigin(UUID.fromString(group.getId()), group.getDisplayName(), group.getDescription(),
        group.getMailNickname(), group.getSecurityEnabled(), group.getMailEnabled(), group.getGroupTypes());
  }
}
