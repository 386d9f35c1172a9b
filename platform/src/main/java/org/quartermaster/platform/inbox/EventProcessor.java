package org.quartermaster.platform.inbox;

import java.time.Duration;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventCodec;
import org.quartermaster.platform.outbox.EventMetadataFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Decodes one Kafka payload and applies it at most once per consumer. */
public class EventProcessor {

  private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final Inbox inbox;
  private final TransactionalOperator transactions;

  public EventProcessor(EventCodec codec, Inbox inbox, TransactionalOperator transactions) {
    this.codec = codec;
    this.inbox = inbox;
    this.transactions = transactions;
  }

  /** Returns whether the event was applied (false: a duplicate delivery, nothing changed). */
  public Mono<Boolean> process(String consumer, byte[] payload, EventHandler handler) {
    SpecificRecord event = codec.decode(payload);
    var metadata = EventCodec.metadataOf(event);
    UUID eventId = UUID.fromString(String.valueOf(metadata.getEventId()));
    Mono<Boolean> apply = inbox.recordFirstDelivery(consumer, eventId)
        .flatMap(first -> first ? handler.handle(event).thenReturn(true) : Mono.just(false));
    return transactions.transactional(apply).timeout(HANDLER_TIMEOUT)
        // Events this handler emits share the cause's correlation id and name it as their cause.
        .contextWrite(context -> context
            .put(EventMetadataFactory.CORRELATION_ID, String.valueOf(metadata.getCorrelationId()))
            .put(EventMetadataFactory.CAUSATION_ID, eventId.toString()));
  }
}
