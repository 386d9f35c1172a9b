package org.quartermaster.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;

/**
 * The configuration of a single node that is both KRaft controller and broker.
 */
final class KafkaBrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String HOST = "localhost";

    private KafkaBrokerConfig() {
    }

    static KafkaConfig of(Path logDirectory, int clientPort, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        // A static voter (kraft.version 0) rather than a dynamic quorum: the controller port may then change
        // between restarts of a persistent broker, because voters are not recorded in the metadata log.
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toAbsolutePath().toString());

        // One broker: internal topics cannot have more than one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Fewer coordinator partitions: creating the default 50 costs seconds on the first consumer group.
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.num.partitions", "5");
        // Without this every first join of a consumer group waits 3 s for more members.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Without a controlled shutdown a restarted broker waits ~12 s for its old session to expire.
        config.put("controlled.shutdown.enable", "true");
        // The log cleaner allocates this buffer eagerly (128 MiB by default); dev and test topics are small.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return new KafkaConfig(config, false);
    }
}
