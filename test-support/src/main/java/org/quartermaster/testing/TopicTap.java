package org.quartermaster.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.TopicSpec;
import org.quartermaster.events.Topics;
import org.quartermaster.infra.SharedInfrastructure;

/** Reads a topic from its beginning, as an ops dashboard would, and decodes every event. */
public final class TopicTap implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final EventCodec codec = EventCodec.standard();

  public TopicTap(ServiceNamespace namespace, TopicSpec topic) {
    this(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.qualified(namespace.topicPrefix(), topic));
  }

  public TopicTap(String bootstrapServers, String topic) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "tap-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
        new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Waits until an event matching the predicate has arrived, and returns every one that matched. */
  public List<Received> awaitMatching(Predicate<Received> predicate, int atLeast) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
      poll();
      return received.stream().filter(predicate).count() >= atLeast;
    });
    return received.stream().filter(predicate).toList();
  }

  /** Everything that arrives within the given quiet period; for asserting that nothing more came. */
  public List<Received> drain(Duration quietPeriod) {
    long deadline = System.nanoTime() + quietPeriod.toNanos();
    while (System.nanoTime() < deadline) {
      poll();
    }
    return new ArrayList<>(received);
  }

  private void poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
      received.add(new Received(record.key(), codec.decode(record.value()), record.partition(), record.offset()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }

  /** One event as it sat on the topic. */
  public record Received(String key, SpecificRecord event, int partition, long offset) {

    public boolean is(Class<? extends SpecificRecord> type) {
      return type.isInstance(event);
    }

    public String eventId() {
      return String.valueOf(EventCodec.metadataOf(event).getEventId());
    }
  }
}
