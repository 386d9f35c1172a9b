package org.quartermaster.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The servers an operator pointed us at, which always win over anything we could start ourselves.
 */
record ExternalServers(Optional<String> kafkaBootstrapServers, Optional<PostgresCoordinates> postgres) {

    static final String KAFKA_BOOTSTRAP_SERVERS = "quartermaster.kafka.bootstrap-servers";
    static final String POSTGRES_URL = "quartermaster.postgres.url";
    static final String POSTGRES_USER = "quartermaster.postgres.user";
    static final String POSTGRES_PASSWORD = "quartermaster.postgres.password";

    static ExternalServers from(ConfigSource config) {
        Optional<PostgresCoordinates> postgres = config.get(POSTGRES_URL).map(url -> PostgresCoordinates.fromJdbcUrl(
                url,
                config.get(POSTGRES_USER).orElse("postgres"),
                config.get(POSTGRES_PASSWORD).orElse("")));
        return new ExternalServers(config.get(KAFKA_BOOTSTRAP_SERVERS), postgres);
    }

    boolean complete() {
        return kafkaBootstrapServers.isPresent() && postgres.isPresent();
    }

    /** The settings still needed for {@link #complete()}, for error messages. */
    String missing() {
        List<String> missing = new ArrayList<>();
        if (kafkaBootstrapServers.isEmpty()) {
            missing.add(KAFKA_BOOTSTRAP_SERVERS + " (" + ConfigSource.environmentName(KAFKA_BOOTSTRAP_SERVERS) + ")");
        }
        if (postgres.isEmpty()) {
            missing.add(POSTGRES_URL + " (" + ConfigSource.environmentName(POSTGRES_URL) + ")");
        }
        return String.join(" and ", missing);
    }
}
