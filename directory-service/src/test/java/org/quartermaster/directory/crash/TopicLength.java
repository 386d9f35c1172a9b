package org.quartermaster.directory.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.quartermaster.events.TopicSpec;
import org.quartermaster.events.Topics;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.ServiceNamespace;

/**
 * How many records a topic holds, read from the broker's end offsets; unlike a consumer that sees
 * nothing for a while, a zero here proves nothing was ever published.
 */
final class TopicLength {

  private TopicLength() {
  }

  static long of(ServiceNamespace namespace, TopicSpec spec) {
    String topic = Topics.qualified(namespace.topicPrefix(), spec);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(partition -> new TopicPartition(topic, partition.partition()))
          .toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      // Assigned, so the consumer does not log that it tracks offsets of partitions it does not own.
      consumer.assign(partitions);
      // The relay's producer is idempotent but not transactional, so offsets count records one for one.
      return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
