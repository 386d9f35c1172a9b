package org.quartermaster.extension.definitions.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartermaster.extension.common.domain.Conflict;
import org.quartermaster.extension.common.domain.NotFound;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.domain.ExtensionDefinition;
import org.quartermaster.extension.definitions.domain.ExtensionEvent;
import org.quartermaster.extension.definitions.persistence.ExtensionStore;
import org.quartermaster.extension.events.ExtensionEventPublisher;
import org.quartermaster.extension.outbound.domain.OutboundPolicy;
import org.quartermaster.extension.outbound.domain.OutboundRefused;
import org.quartermaster.extension.outbound.domain.WebhookSignature;
import org.quartermaster.extension.readmodels.persistence.ReadModelStore;
import org.quartermaster.platform.domain.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Extension definitions of catalogs. Each write stores the definition and appends its event in one transaction. */
@Service
public class ExtensionService {

  private static final String ENTITY = "customCalloutExtension";

  private final ExtensionStore extensions;
  private final ReadModelStore readModels;
  private final ExtensionEventPublisher events;
  private final OutboundPolicy outbound;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ExtensionService(ExtensionStore extensions, ReadModelStore readModels, ExtensionEventPublisher events,
      OutboundPolicy outbound, TransactionalOperator transactions, Clock clock) {
    this.extensions = extensions;
    this.readModels = readModels;
    this.events = events;
    this.outbound = outbound;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A new extension with the secret that signs its callouts; the secret is shown this once. */
  public record Created(CustomWorkflowExtension extension, String signingSecret) {
  }

  public Mono<Created> create(UUID catalogId, ExtensionDefinition definition, String actor) {
    return requireCatalog(catalogId).then(checkOutbound(definition)).then(Mono.defer(() -> {
      Instant now = clock.instant();
      CustomWorkflowExtension extension = new CustomWorkflowExtension(UUID.randomUUID(), catalogId, definition, actor, now,
          actor, now);
      String secret = WebhookSignature.newSecret();
      return transactions.transactional(extensions.insert(extension, secret)
          .then(events.publishDefinitions(List.of(new ExtensionEvent.Created(extension))))
          .thenReturn(new Created(extension, secret)));
    }));
  }

  public Mono<CustomWorkflowExtension> get(UUID catalogId, UUID id) {
    return extensions.find(id).filter(extension -> extension.catalogId().equals(catalogId))
        .switchIfEmpty(Mono.error(() -> new NotFound(ENTITY, id)));
  }

  public Flux<CustomWorkflowExtension> list(UUID catalogId) {
    return requireCatalog(catalogId).thenMany(extensions.ofCatalog(catalogId));
  }

  /** PUT: the definition is replaced as a whole; the kind and the secret stay. */
  public Mono<CustomWorkflowExtension> replace(UUID catalogId, UUID id, ExtensionDefinition definition, String actor) {
    return checkOutbound(definition).then(transactions.transactional(locked(catalogId, id).flatMap(existing -> {
      if (existing.kind() != definition.kind()) {
        return Mono.error(new RuleViolation("@odata.type", "Property '@odata.type' cannot change an extension's kind from "
            + existing.kind().odataType() + " to " + definition.kind().odataType() + "."));
      }
      CustomWorkflowExtension replaced = existing.replacedBy(definition, actor, clock.instant());
      return extensions.replace(replaced)
          .then(events.publishDefinitions(List.of(new ExtensionEvent.Updated(replaced))))
          .thenReturn(replaced);
    })));
  }

  /** Refused while a policy binds the extension to a stage: Graph wants it removed from every policy first. */
  public Mono<Void> delete(UUID catalogId, UUID id) {
    return transactions.transactional(locked(catalogId, id).flatMap(existing -> readModels.policiesBinding(id).collectList()
        .flatMap(policies -> {
          if (!policies.isEmpty()) {
            return Mono.error(new Conflict("Custom extension '" + id + "' is used by the assignment policies "
                + policies.stream().map(policy -> "'" + policy.displayName() + "' (" + policy.id() + ")")
                    .collect(Collectors.joining(", "))
                + " in their customExtensionStageSettings; remove it from them first."));
          }
          return extensions.delete(id)
              .then(events.publishDefinitions(List.of(new ExtensionEvent.Deleted(id, existing.catalogId()))));
        })));
  }

  /** A new signing secret replaces the old one at once; callouts from then on are signed with it. */
  public Mono<String> rotateSigningSecret(UUID catalogId, UUID id, String actor) {
    return transactions.transactional(locked(catalogId, id).flatMap(existing -> {
      String secret = WebhookSignature.newSecret();
      return extensions.rotateSecret(id, secret, actor, clock.instant()).thenReturn(secret);
    }));
  }

  private Mono<CustomWorkflowExtension> locked(UUID catalogId, UUID id) {
    return extensions.lock(id).filter(extension -> extension.catalogId().equals(catalogId))
        .switchIfEmpty(Mono.error(() -> new NotFound(ENTITY, id)));
  }

  private Mono<Void> requireCatalog(UUID catalogId) {
    return readModels.catalog(catalogId)
        .switchIfEmpty(Mono.error(() -> new NotFound("accessPackageCatalog", catalogId,
            "Catalog '" + catalogId + "' does not exist.")))
        .then();
  }

  /** Resolving a host blocks, so it runs off the event loop. */
  private Mono<Void> checkOutbound(ExtensionDefinition definition) {
    return Mono.fromRunnable(() -> {
      if (definition.endpointUrl() != null) {
        try {
          outbound.check(definition.endpointUrl());
        } catch (OutboundRefused refused) {
          throw new RuleViolation("endpointConfiguration", "Property 'endpointConfiguration' names an endpoint the gateway"
              + " may not call: " + refused.getMessage());
        }
      }
      if (definition.clientCredentials() != null) {
        try {
          outbound.check(definition.clientCredentials().tokenUrl());
        } catch (OutboundRefused refused) {
          throw new RuleViolation("authenticationConfiguration.tokenUrl", "Property "
              + "'authenticationConfiguration.tokenUrl' names an endpoint the gateway may not call: " + refused.getMessage());
        }
      }
    }).subscribeOn(Schedulers.boundedElastic()).then();
  }
}
