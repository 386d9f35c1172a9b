package org.quartermaster.platform.outbox;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens for the commit notifications of outbox writes on a dedicated connection, so the relay
 * publishes within a millisecond of a commit instead of at its next poll.
 */
public class OutboxNotifications {

  private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

  private final ConnectionFactory connectionFactory;
  private final String channel;

  public OutboxNotifications(ConnectionFactory connectionFactory, String channel) {
    this.connectionFactory = connectionFactory;
    this.channel = channel;
  }

  /** One channel per schema, so two services sharing a database don't wake each other. */
  public static String channel(String schema) {
    return "outbox_" + schema;
  }

  /** Emits once per notification; reconnects with backoff when the connection drops. */
  public Flux<Object> wakeups() {
    return Flux.usingWhen(
            Mono.from(unpooled(connectionFactory).create()),
            connection -> listen(connection),
            Connection::close)
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(signal -> log.debug("outbox LISTEN connection lost; reconnecting", signal.failure())));
  }

  private Flux<Object> listen(Connection connection) {
    PostgresqlConnection postgres = unwrap(connection);
    // The driver drops notifications nobody is subscribed to, so subscribe before LISTEN; and wake
    // once when listening starts, for commits made while no LISTEN was active (start, reconnect).
    Flux<Object> notifications = postgres.getNotifications().map(notification -> (Object) notification);
    Mono<Object> listening = postgres.createStatement("LISTEN " + channel).execute()
        .flatMap(result -> result.getRowsUpdated())
        .then(Mono.just((Object) "listening"));
    return Flux.merge(notifications, listening);
  }

  @SuppressWarnings("unchecked")
  private static ConnectionFactory unpooled(ConnectionFactory factory) {
    // A pooled connection would be handed back to the pool and lose its LISTEN.
    ConnectionFactory current = factory;
    while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
      current = inner;
    }
    return current;
  }

  private static PostgresqlConnection unwrap(Connection connection) {
    Object current = connection;
    while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
      current = wrapped.unwrap();
    }
    if (current instanceof PostgresqlConnection postgres) {
      return postgres;
    }
    throw new IllegalStateException("the outbox needs a PostgreSQL connection, got " + connection.getClass());
  }
}
