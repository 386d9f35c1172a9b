package org.quartermaster.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.platform.testapp.PlatformTestService;
import org.quartermaster.platform.testapp.UserEvents;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.quartermaster.testing.TopicTap.Received;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The outbox through the real relay and a real broker. The relay polls only hourly here, so every
 * event that arrives within seconds was woken by the commit's NOTIFY.
 */
class OutboxRelayTest {

  static final ServiceNamespace NAMESPACE = ServiceNamespace.random("outbox");
  static PlatformTestService service;
  static TopicTap users;

  @BeforeAll
  static void start() {
    service = PlatformTestService.start(NAMESPACE, Map.of("quartermaster.outbox.poll-interval", "1h"));
    users = new TopicTap(NAMESPACE, Topics.DIRECTORY_USERS);
    // The relay LISTENs on its own connection, opened asynchronously at start; a commit before that
    // would only be found by the next (hourly) poll.
    String listen = "LISTEN " + OutboxNotifications.channel(service.schema());
    await().atMost(Duration.ofSeconds(30)).until(() -> service.bean(DatabaseClient.class)
        .sql("SELECT count(*) AS n FROM pg_stat_activity WHERE query = :listen").bind("listen", listen)
        .map(row -> row.get("n", Long.class)).one().block() > 0);
  }

  @AfterAll
  static void stop() {
    users.close();
    service.close();
  }

  @Test
  void eventsCommittedOneByOneReachTheTopicKeyedByAggregateInCommitOrder() {
    String userId = UUID.randomUUID().toString();
    List<String> committed = new ArrayList<>();
    for (int revision = 0; revision < 50; revision++) {
      UserUpdated event = UserEvents.updated(service.newMetadata(userId), "revision " + revision);
      service.commit(event);
      committed.add(eventId(event));
    }

    List<Received> received = users.awaitMatching(record -> userId.equals(record.key()), 50);

    assertThat(received).extracting(Received::eventId).containsExactlyElementsOf(committed);
    assertThat(received).extracting(record -> String.valueOf(EventCodec.metadataOf(record.event()).getAggregateId()))
        .containsOnly(userId);
  }

  @Test
  void eachRecordCarriesItsEventIdAndTypeAsHeaders() {
    String userId = UUID.randomUUID().toString();
    UserCreated created = UserEvents.created(service.newMetadata(userId), "Adele Vance");
    UserUpdated updated = UserEvents.updated(service.newMetadata(userId), "Adele Vance-Smith");
    service.commit(created, updated);

    List<ConsumerRecord<String, byte[]>> records = recordsWithKey(userId, 2);

    assertThat(records).extracting(ConsumerRecord::key).containsExactly(userId, userId);
    assertThat(records).extracting(record -> header(record, "qm-event-id"))
        .containsExactly(eventId(created), eventId(updated));
    assertThat(records).extracting(record -> header(record, "qm-event-type"))
        .containsExactly("org.quartermaster.events.directory.UserCreated", "org.quartermaster.events.directory.UserUpdated");
  }

  @Test
  void aRolledBackTransactionPublishesNothingAndLeavesNoOutboxRow() {
    String userId = UUID.randomUUID().toString();
    UserCreated doomed = UserEvents.created(service.newMetadata(userId), "never committed");

    Throwable failure = service.appendAndRollBack(doomed);

    assertThat(failure).hasMessage("use case failed");
    assertThat(service.outboxEntries(UUID.fromString(eventId(doomed)))).isZero();
    // One key is one partition, so once a later event of the key arrived, an earlier one never will.
    UserCreated later = UserEvents.created(service.newMetadata(userId), "committed after the rollback");
    service.commit(later);
    assertThat(users.awaitMatching(record -> userId.equals(record.key()), 1))
        .extracting(Received::eventId).containsExactly(eventId(later));
    await().atMost(Duration.ofSeconds(10)).until(() -> service.outboxSize() == 0);
  }

  @Test
  void theRelayWakesOnTheCommitNotificationRatherThanItsPoll() {
    String userId = UUID.randomUUID().toString();
    UserCreated event = UserEvents.created(service.newMetadata(userId), "Megan Bowen");

    long committing = System.nanoTime();
    service.commit(event);
    users.awaitMatching(record -> eventId(event).equals(record.eventId()), 1);
    Duration latency = Duration.ofNanos(System.nanoTime() - committing);

    // The poll would take an hour; anything near the NOTIFY path's milliseconds proves the wakeup.
    assertThat(latency).isLessThan(Duration.ofSeconds(5));
  }

  private static String eventId(SpecificRecord event) {
    return String.valueOf(EventCodec.metadataOf(event).getEventId());
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** TopicTap decodes events but drops headers, so this reads the raw records. */
  private static List<ConsumerRecord<String, byte[]>> recordsWithKey(String key, int count) {
    List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "headers-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.qualified(NAMESPACE.topicPrefix(), Topics.DIRECTORY_USERS)));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(50)).forEach(record -> {
          if (key.equals(record.key())) {
            matching.add(record);
          }
        });
        return matching.size() >= count;
      });
    }
    return matching;
  }
}
