package org.quartermaster.infra;

import java.util.Locale;

/**
 * How to provide the servers that are not configured as external.
 */
public enum InfrastructureMode {
    /** External where configured, else Testcontainers when a Docker engine answers, else embedded. */
    AUTO,
    /** Both servers must be configured as external; nothing is started. */
    EXTERNAL,
    /** Containers for what is not external; fails when no Docker engine is available. */
    TESTCONTAINERS,
    /** In-process Kafka and a zonky PostgreSQL for what is not external. */
    EMBEDDED;

    static InfrastructureMode parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (InfrastructureMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown quartermaster.infra.mode '" + value
                + "'; expected one of auto, external, testcontainers, embedded");
    }
}
