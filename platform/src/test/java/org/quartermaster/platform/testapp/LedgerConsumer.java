package org.quartermaster.platform.testapp;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Subscribes the ledger to the directory's user topic, as a real downstream service would. */
@Configuration(proxyBeanMethods = false)
public class LedgerConsumer {

  public static final String CONSUMER = "ledger";

  @Bean
  LedgerHandler ledgerHandler(DatabaseClient database) {
    return new LedgerHandler(database);
  }

  @Bean
  EventSubscription ledgerSubscription(LedgerHandler handler) {
    return new EventSubscription(CONSUMER, List.of(Topics.DIRECTORY_USERS), handler);
  }
}
