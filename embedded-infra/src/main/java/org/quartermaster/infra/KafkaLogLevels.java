package org.quartermaster.infra;

import java.lang.reflect.Method;
import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * An in-process broker logs at INFO into the application's log; this turns it down to WARN when Logback is the
 * SLF4J backend (Kafka's log4j-core is excluded). Spring Boot re-initialises Logback later, which is why
 * {@code org.quartermaster.infra.boot.KafkaLogLevelDefaults} supplies the same levels to Boot applications.
 */
final class KafkaLogLevels {

    static final List<String> BROKER_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private KafkaLogLevels() {
    }

    static void quietBroker() {
        for (String name : BROKER_LOGGERS) {
            setWarn(LoggerFactory.getLogger(name));
        }
    }

    private static void setWarn(Object logger) {
        if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
            return;
        }
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
            Method setLevel = logger.getClass().getMethod("setLevel", level);
            if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                setLevel.invoke(logger, level.getField("WARN").get(null));
            }
        } catch (ReflectiveOperationException e) {
            // An unexpected Logback version: the broker is merely noisier.
        }
    }
}
