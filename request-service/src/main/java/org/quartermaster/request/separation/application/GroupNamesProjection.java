package org.quartermaster.request.separation.application;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.request.separation.persistence.SeparationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the directory's group names, so that a refusal names the incompatible group rather than its id. */
@Component
public class GroupNamesProjection implements EventHandler {

  private final SeparationStore separation;

  public GroupNamesProjection(SeparationStore separation) {
    this.separation = separation;
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof GroupCreated created) {
      return upsert(created.getGroup());
    }
    if (event instanceof GroupUpdated updated) {
      return upsert(updated.getGroup());
    }
    if (event instanceof GroupDeleted deleted) {
      return separation.deleteGroup(UUID.fromString(deleted.getGroupId()));
    }
    // Memberships are the directory read model's; owners decide nothing here.
    return Mono.empty();
  }

  private Mono<Void> upsert(DirectoryGroup group) {
    return separation.upsertGroup(UUID.fromString(group.getId()), group.getDisplayName());
  }
}
