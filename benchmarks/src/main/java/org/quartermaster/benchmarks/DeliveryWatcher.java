package org.quartermaster.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.quartermaster.events.provisioning.AccessPackageAssignment;
import org.quartermaster.events.provisioning.AssignmentCreated;
import org.quartermaster.events.provisioning.AssignmentGranted;
import org.quartermaster.events.provisioning.ResourceRoleGranted;
import org.quartermaster.events.request.AccessPackageAssignmentRequest;
import org.quartermaster.events.request.AssignmentRequestCreated;
import org.quartermaster.events.request.AssignmentRequestDelivered;
import org.quartermaster.events.request.AssignmentRequestDeliveryRequested;
import org.quartermaster.events.request.AssignmentRequestFailed;

/**
 * Follows the request and provisioning topics from their current end, the way any consumer of Quartermaster's events
 * would, and notes for each request (target user and package) when each step happened ({@code occurredAt}, the owning
 * service's clock) and when the request's Delivered event reached this consumer. Reading events costs the devstack
 * nothing extra, unlike polling the API for the state of thousands of requests.
 */
final class DeliveryWatcher implements AutoCloseable {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private final Map<String, RequestTrace> traces = new ConcurrentHashMap<>();
  /** ResourceRoleGranted names its assignment, not its package; the AssignmentCreated before it tells which. */
  private final Map<String, String> keysByAssignment = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  /** When every Delivered event arrived, whichever phase its request belonged to. */
  private final List<Long> deliveries = new ArrayList<>();
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final String bootstrapServers;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile RuntimeException failure;
  private Thread thread;

  private DeliveryWatcher(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  static DeliveryWatcher start(String bootstrapServers) throws InterruptedException {
    DeliveryWatcher watcher = new DeliveryWatcher(bootstrapServers);
    watcher.thread = new Thread(watcher::run, "benchmark-delivery-watcher");
    watcher.thread.setDaemon(true);
    watcher.thread.start();
    if (!watcher.positioned.await(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS) || watcher.failure != null) {
      throw new IllegalStateException("Could not read the request topics from " + bootstrapServers, watcher.failure);
    }
    return watcher;
  }

  /** What is known so far about the request filed under this {@link #key}. */
  RequestTrace trace(String key) {
    return traces.computeIfAbsent(key, id -> new RequestTrace());
  }

  /** A request is known by its target user and package: the benchmark asks for each such pair once. */
  static String key(CharSequence targetId, CharSequence accessPackageId) {
    return targetId + "/" + accessPackageId;
  }

  /** How many AssignmentRequestDelivered events arrived so far. */
  long deliveredCount() {
    synchronized (deliveries) {
      return deliveries.size();
    }
  }

  /** How many AssignmentRequestDelivered events arrived after {@code from} and at or before {@code to} (nanoTime). */
  long deliveredBetween(long from, long to) {
    synchronized (deliveries) {
      return deliveries.stream().filter(at -> at > from && at <= to).count();
    }
  }

  private void run() {
    EventCodec codec = EventCodec.standard();
    try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      consumer = kafka;
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.qualified("", Topics.REQUEST_ASSIGNMENT_REQUESTS),
          Topics.qualified("", Topics.PROVISIONING_ASSIGNMENTS))) {
        kafka.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      }
      kafka.assign(partitions);
      kafka.seekToEnd(partitions);
      partitions.forEach(kafka::position);
      positioned.countDown();
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = kafka.poll(Duration.ofMillis(500));
        // Stamped before decoding, so the figure is when the event reached this consumer.
        long polledAt = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          note(codec.decode(record.value()), polledAt);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll.
    } catch (RuntimeException e) {
      failure = e;
      positioned.countDown();
      BenchmarkMain.progress("delivery watcher failed: " + e);
    }
  }

  private void note(SpecificRecord event, long polledAt) {
    if (event instanceof AssignmentRequestCreated created) {
      trace(created.getRequest()).created(created.getMetadata().getOccurredAt());
    } else if (event instanceof AssignmentRequestDeliveryRequested requested) {
      trace(requested.getRequest()).deliveryRequestedSeen(polledAt);
    } else if (event instanceof AssignmentCreated created) {
      AccessPackageAssignment assignment = created.getAssignment();
      String key = key(assignment.getTargetId(), assignment.getAccessPackageId());
      keysByAssignment.put(assignment.getId().toString(), key);
      trace(key).assignmentCreated(created.getMetadata().getOccurredAt());
    } else if (event instanceof ResourceRoleGranted granted) {
      String key = keysByAssignment.get(granted.getAssignmentId().toString());
      if (key != null) {
        trace(key).roleGranted(granted.getMetadata().getOccurredAt());
      }
    } else if (event instanceof AssignmentGranted granted) {
      AccessPackageAssignment assignment = granted.getAssignment();
      trace(key(assignment.getTargetId(), assignment.getAccessPackageId()))
          .assignmentGranted(granted.getMetadata().getOccurredAt(), polledAt);
    } else if (event instanceof AssignmentRequestDelivered done) {
      trace(done.getRequest()).delivered(done.getRequest().getId().toString(), done.getMetadata().getOccurredAt(),
          polledAt);
      synchronized (deliveries) {
        deliveries.add(polledAt);
      }
    } else if (event instanceof AssignmentRequestFailed failed) {
      trace(failed.getRequest()).failed(String.valueOf(failed.getRequest().getFailureReason()));
    }
  }

  private RequestTrace trace(AccessPackageAssignmentRequest request) {
    return trace(key(request.getTargetId(), request.getAccessPackageId()));
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
