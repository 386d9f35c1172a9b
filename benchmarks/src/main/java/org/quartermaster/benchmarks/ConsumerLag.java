package org.quartermaster.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the devstack's consumers are behind, from the broker's point of view: the sum over every consumer group of
 * (end offset − committed offset). Zero means every service has caught up with every event, e.g. with the users the
 * benchmark just created, so a measured request never waits for a read model.
 */
final class ConsumerLag implements AutoCloseable {

  private final Admin admin;

  ConsumerLag(String bootstrapServers) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  long total() throws ExecutionException, InterruptedException {
    List<Map<TopicPartition, OffsetAndMetadata>> groups = new ArrayList<>();
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
      groups.add(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get());
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    groups.forEach(offsets -> offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    long lag = 0;
    for (Map<TopicPartition, OffsetAndMetadata> offsets : groups) {
      for (Map.Entry<TopicPartition, OffsetAndMetadata> committed : offsets.entrySet()) {
        long end = ends.get(committed.getKey()).offset();
        lag += committed.getValue() == null ? end : end - committed.getValue().offset();
      }
    }
    return lag;
  }

  /** Waits until no consumer group is behind, checked twice in a row; returns how long that took. */
  Duration awaitCaughtUp(Duration limit) throws ExecutionException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    int zeros = 0;
    long lag = -1;
    while (zeros < 2 && System.nanoTime() < deadline) {
      lag = total();
      zeros = lag == 0 ? zeros + 1 : 0;
      Thread.sleep(200);
    }
    if (zeros < 2) {
      BenchmarkMain.progress("consumers still " + lag + " events behind after " + limit + "; measuring anyway");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
