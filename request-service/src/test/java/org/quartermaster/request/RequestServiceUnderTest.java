package org.quartermaster.request;

import java.time.Duration;
import java.util.UUID;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The request service one test class drives: on the shared Kafka and PostgreSQL in a namespace of its own, with its
 * upstream services played by {@link Upstream}, its request topic tapped, and time read from a clock the test moves.
 */
final class RequestServiceUnderTest implements AutoCloseable {

  private final AdjustableClock clock;
  private final String[] arguments;
  private final DevTokens tokens = DevTokens.create();
  private final ServiceNamespace namespace;
  private final Upstream upstream;
  private final TopicTap requestEvents;
  private RunningService service;

  /**
   * @param name the namespace's prefix
   * @param arguments settings of every instance started, e.g. {@code --quartermaster.request.read-model-wait=5s}
   */
  RequestServiceUnderTest(String name, AdjustableClock clock, String... arguments) {
    this.clock = clock;
    this.arguments = arguments.clone();
    this.namespace = ServiceNamespace.random(name);
    this.service = startInstance();
    this.upstream = new Upstream(namespace);
    this.requestEvents = new TopicTap(namespace, Topics.REQUEST_ASSIGNMENT_REQUESTS);
  }

  /** Another instance on the same namespace and clock: a second instance sharing the work, or a restart. */
  RunningService startInstance() {
    // Registered before the platform's clock configuration runs, which then backs off.
    return RunningService.start(RequestServiceApplication.application()
            .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)),
        RequestServiceApplication.NAME, namespace, tokens, arguments);
  }

  /** Stops the running instance and starts a new one, as a deployment would. */
  void restart() {
    service.close();
    service = startInstance();
  }

  WebTestClient client(String token) {
    return WebTestClient.bindToServer().baseUrl(service.baseUrl()).responseTimeout(Duration.ofSeconds(30))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  /** A client bearing the user's own token. */
  WebTestClient as(UUID userId) {
    return client(tokens.forUser(userId, userId + "@contoso.com"));
  }

  DevTokens tokens() {
    return tokens;
  }

  ServiceNamespace namespace() {
    return namespace;
  }

  Upstream upstream() {
    return upstream;
  }

  TopicTap requestEvents() {
    return requestEvents;
  }

  RunningService service() {
    return service;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {requestEvents, upstream, service}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }
}
