package org.quartermaster.infra.boot;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Kafka's loggers down to WARN in every Spring Boot application of a JVM that has this module on its class
 * path (the devstack and tests), where an in-process broker would otherwise log at INFO. The levels are the lowest
 * precedence property source, so any {@code logging.level.*} an application sets still wins.
 */
public final class KafkaLogLevelDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "quartermasterKafkaLogLevels";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Map<String, Object> levels = Map.of(
                "logging.level.kafka", "WARN",
                "logging.level.org.apache.kafka", "WARN",
                "logging.level.state.change.logger", "WARN");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, levels));
    }

    /** After the config-data processor, so that application.properties is already in place ahead of us. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
