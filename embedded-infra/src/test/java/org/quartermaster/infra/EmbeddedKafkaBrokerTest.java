package org.quartermaster.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void acknowledgesWithAcksAllAndDeliversTheRecordBack() throws Exception {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        String topic = KafkaClients.uniqueTopic("round-trip");
        TopicAdmin.createTopicsIfMissing(bootstrap, List.of(topic), 1);

        RecordMetadata sent = KafkaClients.sendAcknowledgedByAll(bootstrap, topic, "user-1", "created");
        List<ConsumerRecord<String, String>> read = KafkaClients.readFromBeginning(bootstrap, topic, 1, READ_TIMEOUT);

        assertThat(sent.offset()).isZero();
        assertThat(read).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("user-1");
            assertThat(record.value()).isEqualTo("created");
        });
    }

    @Test
    void createsMissingTopicsOnceWithTheRequestedPartitions() throws Exception {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        String topic = KafkaClients.uniqueTopic("partitioned");

        TopicAdmin.createTopicsIfMissing(bootstrap, List.of(topic), 3);
        TopicAdmin.createTopicsIfMissing(bootstrap, List.of(topic, topic), 7);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(3);
        }
    }

    @Test
    void restartOnTheSameDataDirectoryAndPortKeepsRecordsAndIsQuick(@TempDir Path dataDirectory) throws Exception {
        String topic = KafkaClients.uniqueTopic("persistent");
        int fixedPort = FreePort.pick();
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(Optional.of(dataDirectory), fixedPort);
        try {
            TopicAdmin.createTopicsIfMissing(first.coordinates(), List.of(topic), 1);
            KafkaClients.sendAcknowledgedByAll(first.coordinates(), topic, "group-7", "member added");
        } finally {
            first.stop();
        }

        long restartBegin = System.nanoTime();
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(Optional.of(dataDirectory), fixedPort);
        Duration restart = Duration.ofNanos(System.nanoTime() - restartBegin);
        try {
            List<ConsumerRecord<String, String>> read =
                    KafkaClients.readFromBeginning(second.coordinates(), topic, 1, READ_TIMEOUT);

            assertThat(second.coordinates()).isEqualTo("localhost:" + fixedPort);
            assertThat(read).extracting(ConsumerRecord::value).containsExactly("member added");
            // Without a controlled shutdown the restarted broker waits ~12 s for its previous session to expire.
            assertThat(restart).isLessThan(Duration.ofSeconds(8));
        } finally {
            second.stop();
        }
    }

    @Test
    void refusesAFixedPortThatIsTakenInsteadOfFailingLater() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Optional.empty(), taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (quartermaster.kafka.port) is already in use");
        }
    }
}
