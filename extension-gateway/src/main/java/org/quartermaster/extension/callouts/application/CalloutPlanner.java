package org.quartermaster.extension.callouts.application;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentExpired;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.AssignmentRemoved;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestApproved;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.RequestAnswer;
import org.quartermaster.extension.callouts.domain.Callout;
import org.quartermaster.extension.callouts.domain.CalloutPayload;
import org.quartermaster.extension.callouts.domain.CalloutPayload.Party;
import org.quartermaster.extension.callouts.persistence.CalloutStore;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.domain.Stage;
import org.quartermaster.extension.definitions.persistence.ExtensionStore;
import org.quartermaster.extension.readmodels.domain.Facts.RequestFacts;
import org.quartermaster.extension.readmodels.persistence.ReadModelStore;
import org.quartermaster.platform.inbox.EventSubscription;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.quartermaster.platform.work.CommitSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns lifecycle events into callouts: for every extension a policy binds to the event's stage, one queued callout,
 * in the transaction that records the event in the inbox (so a redelivered event queues nothing twice). The payload
 * is built now, from the read models, so every attempt sends the same body.
 *
 * <p>Stages: AssignmentRequestCreated → assignmentRequestCreated, AssignmentRequestApproved →
 * assignmentRequestApproved, AssignmentGranted → assignmentRequestGranted (and the pre-expiration callouts, due 14
 * days and 1 day before the assignment expires), AssignmentRemoved and AssignmentExpired → assignmentRequestRemoved
 * (and unsent pre-expiration callouts are dropped).
 */
@Configuration(proxyBeanMethods = false)
public class CalloutPlanner {

  private static final Logger log = LoggerFactory.getLogger(CalloutPlanner.class);

  private final CalloutStore callouts;
  private final ExtensionStore extensions;
  private final ReadModelStore readModels;
  private final CommitSignal signal;
  private final JsonMapper json;
  private final Clock clock;

  public CalloutPlanner(CalloutStore callouts, ExtensionStore extensions, ReadModelStore readModels, CommitSignal signal,
      JsonMapper json, Clock clock) {
    this.callouts = callouts;
    this.extensions = extensions;
    this.readModels = readModels;
    this.signal = signal;
    this.json = json;
    this.clock = clock;
  }

  @Bean
  EventSubscription assignmentRequestsSubscription() {
    return new EventSubscription("assignment-requests", List.of(Topics.REQUEST_ASSIGNMENT_REQUESTS), this::onRequestEvent);
  }

  @Bean
  EventSubscription assignmentsSubscription() {
    return new EventSubscription("assignments", List.of(Topics.PROVISIONING_ASSIGNMENTS), this::onAssignmentEvent);
  }

  /** What one event asks for: the stage, whose it is, and the facts its payload reports. */
  record Occasion(String eventId, Stage stage, UUID policyId, UUID requestId, UUID assignmentId, UUID accessPackageId,
      UUID targetId, UUID requestorId, String requestType, String requestState, String requestStatus,
      List<Map<String, Object>> answers, String assignmentState, String assignmentStatus, Instant dueAt) {

    Occasion at(Stage other, Instant due) {
      return new Occasion(eventId, other, policyId, requestId, assignmentId, accessPackageId, targetId, requestorId,
          requestType, requestState, requestStatus, answers, assignmentState, assignmentStatus, due);
    }
  }

  Mono<Void> onRequestEvent(SpecificRecord event) {
    AccessPackageAssignmentRequest request = requestOf(event);
    if (request == null) {
      return Mono.empty();
    }
    Mono<Void> remember = readModels.upsertRequest(new RequestFacts(UUID.fromString(request.getId()),
        uuid(request.getRequestorId()), UUID.fromString(request.getTargetId()), request.getRequestType(),
        request.getState(), request.getStatus()));
    Stage stage = event instanceof AssignmentRequestCreated ? Stage.ASSIGNMENT_REQUEST_CREATED
        : event instanceof AssignmentRequestApproved ? Stage.ASSIGNMENT_REQUEST_APPROVED : null;
    if (stage == null) {
      return remember;
    }
    Occasion occasion = new Occasion(eventId(event), stage, uuid(request.getAssignmentPolicyId()),
        UUID.fromString(request.getId()), uuid(request.getAssignmentId()), UUID.fromString(request.getAccessPackageId()),
        UUID.fromString(request.getTargetId()), uuid(request.getRequestorId()), request.getRequestType(),
        request.getState(), request.getStatus(), answers(request.getAnswers()), null, null, clock.instant());
    return remember.then(plan(occasion));
  }

  Mono<Void> onAssignmentEvent(SpecificRecord event) {
    AccessPackageAssignment assignment;
    if (event instanceof AssignmentGranted granted) {
      assignment = granted.getAssignment();
    } else if (event instanceof AssignmentRemoved removed) {
      assignment = removed.getAssignment();
    } else if (event instanceof AssignmentExpired expired) {
      assignment = expired.getAssignment();
    } else {
      return Mono.empty();
    }
    UUID assignmentId = UUID.fromString(assignment.getId());
    UUID requestId = uuid(assignment.getRequestId());
    Mono<Optional<RequestFacts>> request = requestId == null ? Mono.just(Optional.empty())
        : readModels.request(requestId).map(Optional::of).defaultIfEmpty(Optional.empty());
    Instant now = clock.instant();
    return request.flatMap(facts -> {
      RequestFacts known = facts.orElse(null);
      Occasion occasion = new Occasion(eventId(event), Stage.ASSIGNMENT_REQUEST_GRANTED,
          uuid(assignment.getAssignmentPolicyId()), requestId, assignmentId, UUID.fromString(assignment.getAccessPackageId()),
          UUID.fromString(assignment.getTargetId()), known == null ? null : known.requestorId(),
          known == null ? null : known.requestType(), known == null ? null : known.state(),
          known == null ? null : known.status(), List.of(), assignment.getState(), assignment.getStatus(), now);
      Mono<Void> dropPreExpiry = callouts.dropUnsentPreExpiry(assignmentId).then();
      if (event instanceof AssignmentGranted) {
        // A grant may renew an assignment with a new expiry: its earlier pre-expiration callouts no longer apply.
        List<Occasion> occasions = new ArrayList<>();
        occasions.add(occasion);
        if (assignment.getExpirationDateTime() != null) {
          Instant expiry = assignment.getExpirationDateTime();
          for (Stage stage : List.of(Stage.ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION, Stage.ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION)) {
            Instant due = expiry.minus(stage.beforeExpiration().orElseThrow());
            if (!due.isBefore(now)) {
              occasions.add(occasion.at(stage, due));
            }
          }
        }
        return dropPreExpiry.thenMany(Flux.fromIterable(occasions)).concatMap(this::plan).then();
      }
      return dropPreExpiry.then(plan(occasion.at(Stage.ASSIGNMENT_REQUEST_REMOVED, now)));
    });
  }

  private Mono<Void> plan(Occasion occasion) {
    if (occasion.policyId() == null) {
      return Mono.empty();
    }
    return readModels.bindings(occasion.policyId(), occasion.stage().graphName())
        .concatMap(binding -> extensions.find(binding.extensionId())
            .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Policy {} binds the unknown extension {} at {}; nothing sent",
                occasion.policyId(), binding.extensionId(), occasion.stage().graphName())))
            .filter(extension -> {
              boolean fits = extension.kind().serves(occasion.stage());
              if (!fits) {
                log.warn("Extension {} is an {}, which does not run at {}; nothing sent", extension.id(),
                    extension.kind().graphName(), occasion.stage().graphName());
              }
              return fits;
            })
            .flatMap(extension -> queue(occasion, extension)))
        .then(signal.afterCommit());
  }

  private Mono<Void> queue(Occasion occasion, CustomWorkflowExtension extension) {
    boolean waits = extension.launchAndWait() && occasion.stage().beforeExpiration().isEmpty();
    Callout callout = Callout.queue(UUID.randomUUID(), extension.id(), occasion.stage(), occasion.requestId(),
        occasion.assignmentId(), occasion.accessPackageId(), occasion.targetId(), waits, occasion.dueAt());
    return payload(occasion, callout, waits ? extension : null)
        .flatMap(payload -> Mono.deferContextual(context -> callouts.insert(callout,
            occasion.eventId() + ":" + occasion.stage().graphName(), json.writeValueAsString(payload.toMap()),
            hostOf(extension.definition().endpointUrl()), context.getOrDefault(EventMetadataFactory.CORRELATION_ID, null),
            clock.instant())))
        .doOnNext(queued -> {
          if (queued) {
            log.info("Callout {} of extension {} queued at {} for {}", callout.id(), extension.id(),
                occasion.stage().graphName(), occasion.requestId() != null ? "request " + occasion.requestId()
                    : "assignment " + occasion.assignmentId());
          }
        })
        .then();
  }

  private Mono<CalloutPayload> payload(Occasion occasion, Callout callout, CustomWorkflowExtension waiting) {
    Mono<Optional<Party>> accessPackage = readModels.accessPackage(occasion.accessPackageId())
        .map(found -> Optional.of(new Party(found.id(), found.displayName(), found.description())))
        .defaultIfEmpty(Optional.empty());
    return accessPackage.flatMap(pkg -> {
      Mono<Optional<Party>> catalog = readModels.accessPackage(occasion.accessPackageId())
          .flatMap(found -> readModels.catalog(found.catalogId()))
          .map(found -> Optional.of(new Party(found.id(), found.displayName(), found.description())))
          .defaultIfEmpty(Optional.empty());
      Mono<Optional<Party>> target = user(occasion.targetId());
      Mono<Optional<Party>> requestor = user(occasion.requestorId());
      Mono<Optional<Party>> policy = readModels.policy(occasion.policyId())
          .map(found -> Optional.of(new Party(found.id(), found.displayName(), null)))
          .defaultIfEmpty(Optional.of(new Party(occasion.policyId(), null, null)));
      return Mono.zip(catalog, target, requestor, policy).map(parts -> new CalloutPayload(callout.id(),
          occasion.stage().graphName(), occasion.requestId(), occasion.requestType(), occasion.requestState(),
          occasion.requestStatus(), occasion.answers(), waiting == null ? null : waiting.callbackTimeout(),
          pkg.orElse(new Party(occasion.accessPackageId(), null, null)), parts.getT1().orElse(null),
          occasion.assignmentId(), occasion.assignmentState(), occasion.assignmentStatus(),
          parts.getT2().orElse(new Party(occasion.targetId(), null, null)), parts.getT4().orElse(null),
          occasion.requestorId() == null ? null : parts.getT3().orElse(new Party(occasion.requestorId(), null, null))));
    });
  }

  private Mono<Optional<Party>> user(UUID id) {
    if (id == null) {
      return Mono.just(Optional.empty());
    }
    return readModels.user(id).map(found -> Optional.of(new Party(found.id(), found.displayName(), null)))
        .defaultIfEmpty(Optional.empty());
  }

  private static List<Map<String, Object>> answers(List<RequestAnswer> answers) {
    if (answers == null) {
      return List.of();
    }
    return answers.stream().map(answer -> {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("@odata.type", "#microsoft.graph.accessPackageAnswerString");
      map.put("Value", answer.getValue());
      map.put("DisplayValue", answer.getDisplayValue());
      map.put("AnsweredQuestion", Map.of("Id", answer.getQuestionId()));
      return map;
    }).toList();
  }

  /** Every request event carries the whole request in its {@code request} field. */
  private static AccessPackageAssignmentRequest requestOf(SpecificRecord event) {
    Schema.Field field = event.getSchema().getField("request");
    if (field == null || !(event instanceof SpecificRecordBase record)) {
      return null;
    }
    Object value = record.get(field.pos());
    return value instanceof AccessPackageAssignmentRequest request ? request : null;
  }

  static String hostOf(String url) {
    if (url == null) {
      return "";
    }
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String eventId(SpecificRecord event) {
    return String.valueOf(EventCodec.metadataOf(event).getEventId());
  }

  private static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
