package org.quartermaster.benchmarks;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.GroupMemberAdded;

/**
 * A preliminary directory write figure: POST /groups/{id}/members/$ref through the gateway until its GroupMemberAdded
 * is consumed from Kafka (HTTP, gateway, R2DBC transaction with the outbox row, relay, Kafka), one at a time.
 */
final class MembershipLatency {

  private static final int GROUPS = 10;
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private MembershipLatency() {
  }

  /**
   * @param answered POST until the gateway answered 204 (the membership is committed, the event not yet published)
   * @param delivered POST until the GroupMemberAdded was consumed
   */
  record Result(LatencySummary answered, LatencySummary delivered) {
  }

  static Result measure(DevstackProcess devstack, GraphClient client, String token, int warmup, int operations)
      throws Exception {
    int total = warmup + operations;
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.add(client.createGroup(token, "benchmark-group-" + g));
    }
    List<String> users = new ArrayList<>();
    for (int u = 0; u < (total + GROUPS - 1) / GROUPS; u++) {
      users.add(client.createUser(token, "benchmark-user-" + u));
    }
    LatencyRecorder answered = new LatencyRecorder();
    LatencyRecorder delivered = new LatencyRecorder();
    try (MemberAddedListener listener = MemberAddedListener.start(devstack.kafkaBootstrapServers())) {
      for (int i = 0; i < total; i++) {
        String group = groups.get(i % GROUPS);
        String user = users.get(i / GROUPS);
        CompletableFuture<Long> consumedAt = listener.arrivalOf(group, user);
        long start = System.nanoTime();
        try {
          client.addMember(token, group, user);
        } catch (HttpTimeoutException e) {
          answered.recordTimeout();
          delivered.recordTimeout();
          BenchmarkMain.progress("membership " + (i + 1) + " timed out; it was sent "
              + ColdStart.secondsSinceLaunch(devstack, start) + " s after launch (see " + devstack.log() + ")");
          continue;
        }
        long answeredAt = System.nanoTime();
        Long consumed;
        try {
          consumed = consumedAt.get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          consumed = null;
          BenchmarkMain.progress("membership " + (i + 1) + ": no GroupMemberAdded within " + GIVE_UP);
        }
        if (i >= warmup) {
          answered.recordNanos(answeredAt - start);
          if (consumed == null) {
            delivered.recordTimeout();
          } else {
            delivered.recordNanos(consumed - start);
          }
        }
      }
    }
    return new Result(answered.summary(), delivered.summary());
  }

  /** Reads the groups topic from its current end and notes when each membership's event arrived. */
  private static final class MemberAddedListener implements AutoCloseable {

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final String bootstrapServers;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile RuntimeException failure;
    private Thread thread;

    private MemberAddedListener(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    static MemberAddedListener start(String bootstrapServers) throws InterruptedException {
      MemberAddedListener listener = new MemberAddedListener(bootstrapServers);
      listener.thread = new Thread(listener::run, "benchmark-member-added-listener");
      listener.thread.setDaemon(true);
      listener.thread.start();
      if (!listener.positioned.await(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS) || listener.failure != null) {
        throw new IllegalStateException("Could not read " + topic() + " from " + bootstrapServers, listener.failure);
      }
      return listener;
    }

    CompletableFuture<Long> arrivalOf(String groupId, String memberId) {
      return arrivals.computeIfAbsent(groupId + "/" + memberId, key -> new CompletableFuture<>());
    }

    private void run() {
      EventCodec codec = EventCodec.standard();
      try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
        consumer = kafka;
        List<TopicPartition> partitions = kafka.partitionsFor(topic()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        kafka.assign(partitions);
        kafka.seekToEnd(partitions);
        partitions.forEach(kafka::position);
        positioned.countDown();
        while (running.get()) {
          ConsumerRecords<byte[], byte[]> records = kafka.poll(Duration.ofMillis(500));
          // Stamped before decoding, so the figure is when the event reached this consumer.
          long polledAt = System.nanoTime();
          for (ConsumerRecord<byte[], byte[]> record : records) {
            SpecificRecord event = codec.decode(record.value());
            if (event instanceof GroupMemberAdded added) {
              arrivalOf(added.getGroupId().toString(), added.getMemberId().toString()).complete(polledAt);
            }
          }
        }
      } catch (WakeupException stopping) {
        // close() woke the poll.
      } catch (RuntimeException e) {
        failure = e;
        arrivals.values().forEach(arrival -> arrival.completeExceptionally(e));
        positioned.countDown();
      }
    }

    private static String topic() {
      return Topics.qualified("", Topics.DIRECTORY_GROUPS);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      KafkaConsumer<byte[], byte[]> current = consumer;
      if (current != null) {
        current.wakeup();
      }
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }
  }
}
