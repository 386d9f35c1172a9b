package org.quartermaster.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.platform.testapp.LedgerHandler;
import org.quartermaster.platform.testapp.LedgerConsumer;
import org.quartermaster.platform.testapp.PlatformTestService;
import org.quartermaster.platform.testapp.PlatformTestService.LedgerRow;
import org.quartermaster.platform.testapp.UserEvents;
import org.quartermaster.testing.ServiceNamespace;

/** Idempotent consumption: the ledger consumer applies each event once, however often it is delivered. */
class InboxTest {

  static final ServiceNamespace NAMESPACE = ServiceNamespace.random("inbox");
  static final Duration APPLIED = Duration.ofSeconds(30);
  static final EventCodec CODEC = EventCodec.standard();
  static PlatformTestService service;

  @BeforeAll
  static void start() {
    service = PlatformTestService.start(NAMESPACE);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void theSameRecordDeliveredTwiceIsAppliedOnce() throws Exception {
    String userId = UUID.randomUUID().toString();
    UserCreated duplicated = UserEvents.created(service.newMetadata(userId), "Alex Wilber");
    UserUpdated later = UserEvents.updated(service.newMetadata(userId), "Alex Wilber-Vance");
    byte[] payload = CODEC.encode(duplicated);

    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
      String topic = Topics.qualified(NAMESPACE.topicPrefix(), Topics.DIRECTORY_USERS);
      producer.send(new ProducerRecord<>(topic, userId, payload)).get();
      producer.send(new ProducerRecord<>(topic, userId, payload.clone())).get();
      producer.send(new ProducerRecord<>(topic, userId, CODEC.encode(later))).get();
    }

    // One key is one partition, consumed in order: once the later event is applied, both copies were handled.
    await().atMost(APPLIED).until(() -> !service.ledger(eventId(later)).isEmpty());
    assertThat(service.ledger(eventId(duplicated))).hasSize(1);
    assertThat(service.inboxEntries(LedgerConsumer.CONSUMER, eventId(duplicated))).isOne();
  }

  @Test
  void processingTheSamePayloadTwiceAppliesItOnlyTheFirstTime() {
    EventProcessor processor = service.bean(EventProcessor.class);
    LedgerHandler handler = service.bean(LedgerHandler.class);
    UserCreated event = UserEvents.created(service.newMetadata(UUID.randomUUID().toString()), "Diego Siciliani");
    byte[] payload = CODEC.encode(event);

    assertThat(processor.process(LedgerConsumer.CONSUMER, payload, handler).block()).isTrue();
    assertThat(processor.process(LedgerConsumer.CONSUMER, payload, handler).block()).isFalse();

    assertThat(service.ledger(eventId(event))).hasSize(1);
    assertThat(handler.attempts(eventId(event))).isOne();
    assertThat(service.inboxEntries(LedgerConsumer.CONSUMER, eventId(event))).isOne();
  }

  @Test
  void aFailingHandlerRollsBackItsInboxEntrySoTheRetryAppliesIt() {
    EventProcessor processor = service.bean(EventProcessor.class);
    LedgerHandler handler = service.bean(LedgerHandler.class);
    String displayName = "flaky " + UUID.randomUUID();
    handler.failFirstAttempt(displayName);
    UserCreated event = UserEvents.created(service.newMetadata(UUID.randomUUID().toString()), displayName);
    byte[] payload = CODEC.encode(event);

    assertThatThrownBy(() -> processor.process(LedgerConsumer.CONSUMER, payload, handler).block())
        .hasMessageContaining("injected failure");
    assertThat(service.inboxEntries(LedgerConsumer.CONSUMER, eventId(event))).isZero();
    assertThat(service.ledger(eventId(event))).isEmpty();

    assertThat(processor.process(LedgerConsumer.CONSUMER, payload, handler).block()).isTrue();
    assertThat(service.ledger(eventId(event))).extracting(LedgerRow::attempt).containsExactly(2);
  }

  @Test
  void aRedeliveryAfterAHandlerFailureIsApplied() {
    LedgerHandler handler = service.bean(LedgerHandler.class);
    String displayName = "flaky " + UUID.randomUUID();
    handler.failFirstAttempt(displayName);
    UserCreated event = UserEvents.created(service.newMetadata(UUID.randomUUID().toString()), displayName);

    service.commit(event);

    // The first attempt wrote a ledger row and an inbox entry before failing; only the retry's row may remain.
    await().atMost(APPLIED).until(() -> !service.ledger(eventId(event)).isEmpty());
    assertThat(service.ledger(eventId(event))).extracting(LedgerRow::attempt).containsExactly(2);
    assertThat(service.inboxEntries(LedgerConsumer.CONSUMER, eventId(event))).isOne();
    assertThat(handler.attempts(eventId(event))).isEqualTo(2);
  }

  private static UUID eventId(SpecificRecord event) {
    return UUID.fromString(String.valueOf(EventCodec.metadataOf(event).getEventId()));
  }
}
