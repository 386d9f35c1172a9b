package org.quartermaster.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics before producers and consumers use them, so that nobody waits on auto-creation or logs
 * UNKNOWN_TOPIC_OR_PARTITION. Named so as not to clash with Spring Kafka's {@code KafkaAdmin}.
 */
public final class TopicAdmin {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicAdmin() {
    }

    /**
     * Creates the topics that do not exist yet, with the broker's default replication factor; existing topics are
     * left as they are, whatever their partition count.
     */
    public static void createTopicsIfMissing(String bootstrapServers, Collection<String> topics, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "quartermaster-topic-admin");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .distinct()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + topics + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics on " + bootstrapServers, e);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation)
            throws InterruptedException, TimeoutException {
        try {
            creation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        }
    }
}
