package org.quartermaster.request.approvals.application;

import java.util.List;
import java.util.UUID;
import org.quartermaster.request.approvals.domain.ResolvedApprovers;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.quartermaster.request.policies.domain.ApprovalStage;
import org.quartermaster.request.policies.domain.SubjectSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks a stage's subject sets up in the directory read model: a single user is themself, groupMembers the group's
 * direct members, requestorManager the requestor's manager at the level. Sponsors and connected organizations do not
 * exist here yet, so they resolve to nobody and the stage falls back.
 */
@Component
public class ApproverResolver {

  private final DirectoryStore directory;

  public ApproverResolver(DirectoryStore directory) {
    this.directory = directory;
  }

  /** Who the stage's primary and fallback primary approvers are now. */
  public Mono<ResolvedApprovers> primary(ApprovalStage stage, UUID requestorId) {
    return Mono.zip(resolve(stage.primaryApprovers(), requestorId), resolve(stage.fallbackPrimaryApprovers(), requestorId))
        .map(found -> new ResolvedApprovers(found.getT1(), found.getT2()));
  }

  /** Who the stage's escalation and fallback escalation approvers are now. */
  public Mono<ResolvedApprovers> escalation(ApprovalStage stage, UUID requestorId) {
    return Mono.zip(resolve(stage.escalationApprovers(), requestorId),
            resolve(stage.fallbackEscalationApprovers(), requestorId))
        .map(found -> new ResolvedApprovers(found.getT1(), found.getT2()));
  }

  private Mono<List<UUID>> resolve(List<SubjectSet> subjects, UUID requestorId) {
    return Flux.fromIterable(subjects).concatMap(subject -> users(subject, requestorId)).distinct().collectList();
  }

  private Flux<UUID> users(SubjectSet subject, UUID requestorId) {
    if (subject.isSingleUser()) {
      return Flux.just(subject.userId());
    }
    if (subject.isGroupMembers()) {
      return directory.membersOf(subject.groupId());
    }
    if (subject.isRequestorManager() && requestorId != null) {
      return directory.managerAt(requestorId, subject.level()).flux();
    }
    return Flux.empty();
  }
}
