package org.quartermaster.platform.outbox;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.EventMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a service's domain events into outbox entries: each gets fresh metadata keyed by its
 * aggregate, is mapped to its Avro form by the service, and is appended in order.
 */
public class DomainEventPublisher {

  private final Outbox outbox;
  private final EventMetadataFactory metadata;

  public DomainEventPublisher(Outbox outbox, EventMetadataFactory metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  /**
   * @param aggregateId the aggregate each event is about; it becomes the Kafka key
   * @param toAvro the service's mapping of one domain event to its schema
   */
  public <E> Mono<Void> publish(List<E> events, Function<E, ?> aggregateId,
      BiFunction<E, EventMetadata, SpecificRecord> toAvro) {
    return Flux.fromIterable(events)
        .concatMap(event -> metadata.create(String.valueOf(aggregateId.apply(event))).map(meta -> toAvro.apply(event, meta)))
        .concatMap(outbox::append)
        .then();
  }
}
