package org.quartermaster.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfrastructureSelectionTest {

    private static final List<String> PROPERTIES = List.of(
            ExternalServers.KAFKA_BOOTSTRAP_SERVERS, ExternalServers.POSTGRES_URL, ExternalServers.POSTGRES_USER,
            ExternalServers.POSTGRES_PASSWORD, InfrastructureSettings.MODE);

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void usesExternalServersFromSystemPropertiesVerbatimAndLeavesThemRunning() throws Exception {
        Infrastructure shared = SharedInfrastructure.get();
        PostgresCoordinates sharedPg = shared.postgres();
        System.setProperty(ExternalServers.KAFKA_BOOTSTRAP_SERVERS, shared.kafkaBootstrapServers());
        System.setProperty(ExternalServers.POSTGRES_URL, sharedPg.jdbcUrl());
        System.setProperty(ExternalServers.POSTGRES_USER, sharedPg.username());
        System.setProperty(ExternalServers.POSTGRES_PASSWORD, "not-checked-by-trust-auth");
        System.setProperty(InfrastructureSettings.MODE, "external");

        Infrastructure external = InfrastructureLauncher.start(InfrastructureSettings.fromEnvironment());
        external.close();
        external.close();

        assertThat(external.kafkaBootstrapServers()).isEqualTo(shared.kafkaBootstrapServers());
        assertThat(external.postgres()).isEqualTo(new PostgresCoordinates(sharedPg.host(), sharedPg.port(),
                sharedPg.database(), sharedPg.username(), "not-checked-by-trust-auth"));
        assertThat(external.description()).isEqualTo("kafka=external(" + shared.kafkaBootstrapServers()
                + ") postgres=external(" + sharedPg.address() + ")");
        // Closing must not have stopped servers it did not start.
        assertThat(Sql.column(external.postgres(), "SELECT 1")).containsExactly("1");
        String topic = KafkaClients.uniqueTopic("after-external-close");
        TopicAdmin.createTopicsIfMissing(external.kafkaBootstrapServers(), List.of(topic), 1);
        assertThat(KafkaClients.sendAcknowledgedByAll(external.kafkaBootstrapServers(), topic, "k", "v").offset())
                .isZero();
    }

    @Test
    void choosesEachServerIndependently() throws Exception {
        String sharedKafka = SharedInfrastructure.get().kafkaBootstrapServers();
        ExternalServers onlyKafka = new ExternalServers(Optional.of(sharedKafka), Optional.empty());

        StartedInfrastructure mixed = InfrastructureLauncher.launch(
                InfrastructureSettings.defaults().withMode(InfrastructureMode.EMBEDDED), onlyKafka, () -> false);
        PostgresCoordinates ownPg;
        try {
            ownPg = mixed.postgres();
            assertThat(mixed.kafkaBootstrapServers()).isEqualTo(sharedKafka);
            assertThat(mixed.description())
                    .isEqualTo("kafka=external(" + sharedKafka + ") postgres=embedded(" + ownPg.address() + ")");
            assertThat(ownPg.port()).isNotEqualTo(SharedInfrastructure.get().postgres().port());
            assertThat(Sql.column(ownPg, "SHOW fsync")).containsExactly("on");
        } finally {
            mixed.close();
        }

        assertThatThrownBy(() -> Sql.column(ownPg, "SELECT 1")).hasMessageContaining("Connection");
        String topic = KafkaClients.uniqueTopic("still-up");
        TopicAdmin.createTopicsIfMissing(sharedKafka, List.of(topic), 1);
        assertThat(KafkaClients.sendAcknowledgedByAll(sharedKafka, topic, "k", "v").offset()).isZero();
    }

    @Test
    void testcontainersModeWithoutDockerFailsFastWithAClearMessage() {
        assumeFalse(DockerAvailability.available(), "a Docker engine is available here");
        System.setProperty(InfrastructureSettings.MODE, "testcontainers");

        long begin = System.nanoTime();
        assertThatThrownBy(() -> InfrastructureLauncher.start(InfrastructureSettings.fromEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quartermaster.infra.mode=testcontainers")
                .hasMessageContaining("no Docker engine")
                .hasMessageContaining("embedded");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void externalModeNamesWhatIsMissing() {
        ExternalServers onlyPostgres = new ExternalServers(Optional.empty(),
                Optional.of(new PostgresCoordinates("db.example", 5432, "qm", "qm", "secret")));

        assertThatThrownBy(() -> InfrastructureLauncher.launch(
                InfrastructureSettings.defaults().withMode(InfrastructureMode.EXTERNAL), onlyPostgres, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quartermaster.kafka.bootstrap-servers")
                .hasMessageContaining("QUARTERMASTER_KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageNotContaining("secret");
    }
}
