package org.quartermaster.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import org.quartermaster.events.Actor;
import org.quartermaster.events.EventMetadata;
import org.quartermaster.events.PrincipalType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Stamps outgoing events with who acted and why: the caller's {@code oid}, the request id as
 * correlation id, and, when a consumed event caused this one, that event's id as causation id.
 */
public class EventMetadataFactory {

  /** Reactor context key holding the correlation id of the current request or consumed event. */
  public static final String CORRELATION_ID = "quartermaster.correlationId";
  /** Reactor context key holding the id of the consumed event being handled. */
  public static final String CAUSATION_ID = "quartermaster.causationId";

  private final Clock clock;

  public EventMetadataFactory(Clock clock) {
    this.clock = clock;
  }

  public Mono<EventMetadata> create(String aggregateId) {
    return actor().flatMap(actor -> Mono.deferContextual(context -> Mono.just(EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(clock.instant())
        .setAggregateId(aggregateId)
        .setCorrelationId(correlationId(context))
        .setCausationId(context.getOrDefault(CAUSATION_ID, null))
        .setActor(actor)
        .build())));
  }

  private static String correlationId(ContextView context) {
    return context.getOrDefault(CORRELATION_ID, UUID.randomUUID().toString());
  }

  private static Mono<Actor> actor() {
    Actor system = Actor.newBuilder().setPrincipalId(null).setPrincipalType(PrincipalType.SYSTEM).build();
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(context -> context.getAuthentication())
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(authentication -> {
          var token = ((JwtAuthenticationToken) authentication).getToken();
          // Entra ID (and the dev issuer) mark app-only tokens, e.g. client credentials, with idtyp=app.
          PrincipalType type = "app".equals(token.getClaimAsString("idtyp")) ? PrincipalType.SERVICE : PrincipalType.USER;
          return Actor.newBuilder().setPrincipalId(token.getClaimAsString("oid")).setPrincipalType(type).build();
        })
        .defaultIfEmpty(system);
  }
}
