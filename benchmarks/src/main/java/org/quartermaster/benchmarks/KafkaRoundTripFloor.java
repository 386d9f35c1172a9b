package org.quartermaster.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.quartermaster.infra.TopicAdmin;

/**
 * Produce one 1 KiB record (acks=all, linger.ms=0), then poll until the same record is consumed, one at a time: the
 * floor under any hop that goes through Kafka.
 */
final class KafkaRoundTripFloor {

  static final int PAYLOAD_BYTES = 1024;
  private static final String TOPIC = "benchmark.floor.round-trip";
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private KafkaRoundTripFloor() {
  }

  static LatencySummary measure(String bootstrapServers, int warmup, int roundTrips) {
    TopicAdmin.createTopicsIfMissing(bootstrapServers, List.of(TOPIC), 1);
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers));
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers))) {
      consumer.assign(List.of(partition));
      consumer.seekToEnd(List.of(partition));
      // position() resolves the lazy seek now, so the first timed record is not charged for it.
      consumer.position(partition);
      LatencyRecorder recorder = new LatencyRecorder();
      for (long sequence = 0; sequence < warmup + roundTrips; sequence++) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        ByteBuffer.wrap(payload).putLong(sequence);
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(TOPIC, 0, null, payload));
        awaitSequence(consumer, sequence);
        if (sequence >= warmup) {
          recorder.recordNanos(System.nanoTime() - start);
        }
      }
      return recorder.summary();
    }
  }

  private static void awaitSequence(KafkaConsumer<byte[], byte[]> consumer, long sequence) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        if (ByteBuffer.wrap(record.value()).getLong() == sequence) {
          return;
        }
      }
    }
    throw new IllegalStateException("Record " + sequence + " was not consumed within " + GIVE_UP);
  }

  private static Map<String, Object> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        // Kafka 4 defaults to 5 ms, which would be measured instead of the broker.
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
  }

  private static Map<String, Object> consumerConfig(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
  }
}
