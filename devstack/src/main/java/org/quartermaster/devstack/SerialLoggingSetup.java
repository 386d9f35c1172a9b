package org.quartermaster.devstack;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets services start side by side while Spring Boot sets up the JVM's one Logback for each of them in turn: two
 * applications configuring it at the same moment fail with a ConcurrentModificationException.
 */
final class SerialLoggingSetup {

  private static final ReentrantLock LOGGING = new ReentrantLock();

  private SerialLoggingSetup() {
  }

  /** Runs before Boot's logging listener touches Logback. */
  static ApplicationListener<ApplicationEvent> before() {
    return new Acquire();
  }

  /** Runs after Boot's logging listener has configured Logback from the application's environment. */
  static ApplicationListener<ApplicationEvent> after() {
    return new Release();
  }

  private static final class Acquire implements ApplicationListener<ApplicationEvent>, Ordered {
    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if (event instanceof ApplicationStartingEvent) {
        LOGGING.lock();
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  private static final class Release implements ApplicationListener<ApplicationEvent>, Ordered {
    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      boolean done = event instanceof ApplicationEnvironmentPreparedEvent || event instanceof ApplicationFailedEvent;
      if (done && LOGGING.isHeldByCurrentThread()) {
        LOGGING.unlock();
      }
    }

    @Override
    public int getOrder() {
      return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
  }
}
