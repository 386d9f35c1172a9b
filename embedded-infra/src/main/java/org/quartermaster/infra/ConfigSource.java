package org.quartermaster.infra;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads a setting from a system property or, failing that, from the environment variable with the relaxed name
 * Spring Boot would bind ({@code quartermaster.kafka.bootstrap-servers} ↔ {@code QUARTERMASTER_KAFKA_BOOTSTRAP_SERVERS}).
 */
final class ConfigSource {

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    ConfigSource(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    static ConfigSource system() {
        return new ConfigSource(System::getProperty, System::getenv);
    }

    Optional<String> get(String property) {
        return nonBlank(systemProperties.apply(property))
                .or(() -> nonBlank(environment.apply(environmentName(property))));
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
