package org.quartermaster.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.quartermaster.events.UnknownEventSchemaException;
import org.quartermaster.platform.outbox.TopicNames;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one Kafka listener container per {@link EventSubscription}. Handlers block the consumer
 * thread on purpose: a partition's events are then applied strictly one after another.
 */
public class EventSubscriptionContainers implements SmartLifecycle {

  private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
  private volatile boolean running;

  public EventSubscriptionContainers(List<EventSubscription> subscriptions, ConsumerFactory<String, byte[]> consumers,
      EventProcessor processor, TopicNames topics, String serviceName) {
    for (EventSubscription subscription : subscriptions) {
      String[] names = subscription.topics().stream().map(topics::of).toArray(String[]::new);
      ContainerProperties properties = new ContainerProperties(names);
      properties.setGroupId((topics.prefix().isEmpty() ? "" : topics.prefix() + ".") + serviceName + "." + subscription.consumer());
      properties.setAckMode(ContainerProperties.AckMode.RECORD);
      properties.setKafkaConsumerProperties(asProperties(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")));
      properties.setMessageListener((MessageListener<String, byte[]>) record ->
          processor.process(subscription.consumer(), record.value(), subscription.handler()).block());
      var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
      container.setCommonErrorHandler(errorHandler());
      container.setBeanName(serviceName + "." + subscription.consumer());
      containers.add(container);
    }
  }

  private static java.util.Properties asProperties(Map<String, String> values) {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(values);
    return properties;
  }

  private static DefaultErrorHandler errorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(50, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(120_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    // An event no schema explains never becomes readable by retrying.
    handler.addNotRetryableExceptions(UnknownEventSchemaException.class);
    return handler;
  }

  @Override
  public void start() {
    containers.forEach(ConcurrentMessageListenerContainer::start);
    running = true;
  }

  @Override
  public void stop() {
    containers.forEach(ConcurrentMessageListenerContainer::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }
}
