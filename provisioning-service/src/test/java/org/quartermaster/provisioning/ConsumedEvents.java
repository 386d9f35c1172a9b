package org.quartermaster.provisioning;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.quartermaster.events.TopicSpec;
import org.quartermaster.events.Topics;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.ServiceNamespace;

/**
 * Waits until one of provisioning's consumers has applied everything on a topic, by its committed offsets: the
 * barrier between "the directory (or catalog) said so" and "provisioning's read model knows it", with nothing exposed
 * by the service for the purpose.
 */
final class ConsumedEvents implements AutoCloseable {

  private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
      SharedInfrastructure.get().kafkaBootstrapServers()));
  private final ServiceNamespace namespace;

  ConsumedEvents(ServiceNamespace namespace) {
    this.namespace = namespace;
  }

  /** @param consumer the subscription's consumer name, e.g. {@code catalog-access-packages} */
  void await(String consumer, TopicSpec topic) {
    String group = namespace.topicPrefix() + "." + ProvisioningServiceApplication.NAME + "." + consumer;
    String name = Topics.qualified(namespace.topicPrefix(), topic);
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
      var partitions = admin.describeTopics(java.util.List.of(name)).allTopicNames().get().get(name).partitions().stream()
          .map(partition -> new TopicPartition(name, partition.partition())).toList();
      Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
              .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
          .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
          || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
    });
  }

  @Override
  public void close() {
    admin.close();
  }
}
