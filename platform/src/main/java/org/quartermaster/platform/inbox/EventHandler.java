package org.quartermaster.platform.inbox;

import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

/** Applies one event to a consumer's state; runs inside the transaction that records it in the inbox. */
@FunctionalInterface
public interface EventHandler {

  Mono<Void> handle(SpecificRecord event);
}
