package org.quartermaster.policy.policies.application;

import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.policy.directory.application.Requestors;
import org.quartermaster.policy.packages.application.AccessPackages;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.persistence.PolicyStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Graph's getApplicablePolicyRequirements: the policies of a package under which the caller may request it for
 * themselves, judged from the read models of the directory alone.
 */
@Service
public class PolicyRequirements {

  private final AccessPackages packages;
  private final PolicyStore policies;
  private final Requestors requestors;

  public PolicyRequirements(AccessPackages packages, PolicyStore policies, Requestors requestors) {
    this.packages = packages;
    this.policies = policies;
    this.requestors = requestors;
  }

  public Mono<List<AssignmentPolicy>> applicableTo(UUID accessPackageId, UUID callerId) {
    return packages.await(accessPackageId)
        .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackage", accessPackageId)))
        .then(requestors.of(callerId))
        .flatMap(requestor -> policies.allOf(accessPackageId).filter(policy -> policy.admitsSelfRequest(requestor))
            .collectList());
  }
}
