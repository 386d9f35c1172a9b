package org.quartermaster.platform.outbox;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.config.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the outbox: the writer used inside use-case transactions and the relay that drains it. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

  @Bean
  EventCodec eventCodec() {
    return EventCodec.standard();
  }

  @Bean
  TopicNames topicNames(PlatformProperties properties) {
    return new TopicNames(properties.kafka().topicPrefix());
  }

  @Bean
  Outbox outbox(DatabaseClient database, EventCodec codec, TopicNames topics, PlatformProperties properties) {
    return new Outbox(database, codec, topics, OutboxNotifications.channel(properties.service().schemaOrDefault()));
  }

  @Bean
  OutboxNotifications outboxNotifications(ConnectionFactory connectionFactory, PlatformProperties properties) {
    return new OutboxNotifications(connectionFactory, OutboxNotifications.channel(properties.service().schemaOrDefault()));
  }

  @Bean
  OutboxRelay outboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, byte[]> kafka,
      OutboxNotifications notifications, PlatformProperties properties) {
    return new OutboxRelay(database, transactions, kafka, notifications, properties.service().schemaOrDefault(),
        properties.outbox().pollInterval(), properties.outbox().batchSize(), properties.outbox().haltBeforePublishing());
  }

  /** Creates every topic up front, so no producer or consumer meets UNKNOWN_TOPIC_OR_PARTITION. */
  @Bean
  KafkaAdmin.NewTopics quartermasterTopics(TopicNames topics, PlatformProperties properties) {
    List<NewTopic> all = Topics.all().stream()
        .map(spec -> TopicBuilder.name(topics.of(spec)).partitions(properties.kafka().partitions())
            .replicas(properties.kafka().replicationFactor()).build())
        .toList();
    return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
  }

  @Bean
  TransactionalOperator transactionalOperator(org.springframework.transaction.ReactiveTransactionManager transactionManager) {
    return TransactionalOperator.create(transactionManager);
  }

  @Bean
  DomainEventPublisher domainEventPublisher(Outbox outbox, EventMetadataFactory metadata) {
    return new DomainEventPublisher(outbox, metadata);
  }

  @Bean
  EventMetadataFactory eventMetadataFactory(Clock clock) {
    return new EventMetadataFactory(clock);
  }
}
