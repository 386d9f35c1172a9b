package org.quartermaster.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InfrastructureSettingsTest {

    @Test
    void defaultsToAutoWithTemporaryDataAndFreePorts() {
        ConfigSource nothing = new ConfigSource(name -> null, name -> null);

        assertThat(InfrastructureSettings.from(nothing)).isEqualTo(InfrastructureSettings.defaults());
        assertThat(InfrastructureSettings.defaults())
                .isEqualTo(new InfrastructureSettings(InfrastructureMode.AUTO, Optional.empty(), 0, 0, false));
    }

    @Test
    void readsEnvironmentVariablesAndLetsSystemPropertiesWin() {
        Map<String, String> environment = Map.of(
                "QUARTERMASTER_INFRA_MODE", "embedded",
                "QUARTERMASTER_INFRA_DATA_DIR", "/var/lib/quartermaster",
                "QUARTERMASTER_KAFKA_PORT", "9092",
                "QUARTERMASTER_POSTGRES_PORT", "5433",
                "QUARTERMASTER_INFRA_RESET", "true");
        Map<String, String> systemProperties = Map.of("quartermaster.kafka.port", "19092");

        InfrastructureSettings settings =
                InfrastructureSettings.from(new ConfigSource(systemProperties::get, environment::get));

        assertThat(settings).isEqualTo(new InfrastructureSettings(InfrastructureMode.EMBEDDED,
                Optional.of(Path.of("/var/lib/quartermaster")), 19092, 5433, true));
    }

    @Test
    void rejectsUnknownModesAndBadPorts() {
        assertThatThrownBy(() -> InfrastructureSettings.from(new ConfigSource(Map.of(
                "quartermaster.infra.mode", "docker")::get, name -> null)))
                .hasMessageContaining("auto, external, testcontainers, embedded");
        assertThatThrownBy(() -> InfrastructureSettings.defaults().withKafkaPort(70000))
                .hasMessageContaining("kafkaPort");
    }

    @Test
    void readsExternalPostgresFromAJdbcUrl() {
        Map<String, String> environment = Map.of(
                "QUARTERMASTER_POSTGRES_URL", "jdbc:postgresql://db.example:6432/quartermaster",
                "QUARTERMASTER_POSTGRES_USER", "qm",
                "QUARTERMASTER_POSTGRES_PASSWORD", "s3cret");

        ExternalServers external = ExternalServers.from(new ConfigSource(name -> null, environment::get));

        assertThat(external.kafkaBootstrapServers()).isEmpty();
        PostgresCoordinates pg = external.postgres().orElseThrow();
        assertThat(pg).isEqualTo(new PostgresCoordinates("db.example", 6432, "quartermaster", "qm", "s3cret"));
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/quartermaster");
        assertThat(pg.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example:6432/quartermaster");
        assertThat(pg.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesJdbcUrlsWhoseParametersWouldBeLost() {
        assertThat(PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://db/qm", "u", "p").port()).isEqualTo(5432);
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://db/qm?sslmode=require", "u", "p"))
                .hasMessageContaining("no parameters");
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:mysql://db/qm", "u", "p"))
                .hasMessageContaining("jdbc:postgresql://");
    }
}
