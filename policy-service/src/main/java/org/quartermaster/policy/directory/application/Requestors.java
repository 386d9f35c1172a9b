package org.quartermaster.policy.directory.application;

import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.policy.directory.persistence.DirectoryStore;
import org.quartermaster.policy.policies.domain.Requestor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Describes a user as a requestor: known to the directory or not, Member or Guest, and their direct groups. */
@Service
public class Requestors {

  private final DirectoryStore directory;

  public Requestors(DirectoryStore directory) {
    this.directory = directory;
  }

  public Mono<Requestor> of(UUID userId) {
    return Mono.zip(directory.isMember(userId).map(Optional::of).defaultIfEmpty(Optional.empty()),
            directory.groupsOf(userId))
        .map(found -> new Requestor(userId, found.getT1().isPresent(), found.getT1().orElse(false),
            new HashSet<>(found.getT2())));
  }
}
