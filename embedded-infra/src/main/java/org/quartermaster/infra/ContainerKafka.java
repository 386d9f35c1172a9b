package org.quartermaster.infra;

import java.util.concurrent.atomic.AtomicBoolean;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a container, for machines with a Docker engine.
 */
final class ContainerKafka implements Server<String> {

    /** The same version as the broker jars used in embedded mode. */
    static final String IMAGE = "apache/kafka:4.2.1";

    private final KafkaContainer container;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // stopped in stop()
    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String coordinates() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "testcontainers(" + coordinates() + ")";
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            container.stop();
        }
    }
}
