package org.quartermaster.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.infra.SharedInfrastructure;

/**
 * Publishes real events to a namespace's topics, as the service that owns them would, for tests of a consumer whose
 * producer is not part of the test.
 */
public final class EventInjector implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final ServiceNamespace namespace;
  private final EventCodec codec = EventCodec.standard();

  public EventInjector(ServiceNamespace namespace) {
    this.namespace = namespace;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends the event to its topic, keyed by its aggregate id, and waits for the broker's ack. */
  public void publish(SpecificRecord event) {
    String topic = Topics.qualified(namespace.topicPrefix(), Topics.topicOf(event.getClass()));
    String key = String.valueOf(EventCodec.metadataOf(event).getAggregateId());
    try {
      producer.send(new ProducerRecord<>(topic, key, codec.encode(event))).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish " + event.getSchema().getName() + " to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
