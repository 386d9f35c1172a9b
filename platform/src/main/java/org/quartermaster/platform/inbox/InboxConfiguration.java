package org.quartermaster.platform.inbox;

import java.util.List;
import org.quartermaster.events.EventCodec;
import org.quartermaster.platform.config.PlatformProperties;
import org.quartermaster.platform.outbox.TopicNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires idempotent consumption for every {@link EventSubscription} bean of the service. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

  @Bean
  Inbox inbox(DatabaseClient database) {
    return new Inbox(database);
  }

  @Bean
  EventProcessor eventProcessor(EventCodec codec, Inbox inbox, TransactionalOperator transactions) {
    return new EventProcessor(codec, inbox, transactions);
  }

  @Bean
  EventSubscriptionContainers eventSubscriptionContainers(ObjectProvider<EventSubscription> subscriptions,
      ConsumerFactory<String, byte[]> consumers, EventProcessor processor, TopicNames topics,
      PlatformProperties properties) {
    List<EventSubscription> all = subscriptions.orderedStream().toList();
    return new EventSubscriptionContainers(all, consumers, processor, topics, properties.service().name());
  }
}
