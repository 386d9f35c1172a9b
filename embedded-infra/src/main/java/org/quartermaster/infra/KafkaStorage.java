package org.quartermaster.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats a KRaft log directory the way {@code kafka-storage format} does, once: a formatted directory keeps its
 * cluster id and data.
 */
final class KafkaStorage {

    private KafkaStorage() {
    }

    static void formatIfNeeded(Path logDirectory, KafkaConfig config) {
        if (Files.exists(logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        String directory = logDirectory.toAbsolutePath().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerConfig.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .addDirectory(directory)
                    .setMetadataLogDirectory(directory)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + directory, e);
        }
    }
}
