package org.quartermaster.e2e;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.quartermaster.devstack.Devstack;
import org.quartermaster.devstack.DevstackSettings;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.platform.time.AdjustableClock;
import org.quartermaster.testing.ServiceNamespace;

/**
 * Starts the devstacks tests ask for, each at most once per run: the one every test shares for a {@link RunningSystem}
 * parameter, and one of its own on a movable clock for a {@link ClockedSystem} parameter, so moving time cannot disturb
 * the shared one. They live in the root store, which JUnit closes when the run ends, so the services stop before the
 * JVM's shared broker and database go away at exit. Closing a devstack mid-run is avoided on purpose: its gateway takes
 * the JVM-wide Netty event loops down with it, and with them the other devstack's gateway.
 */
public final class DevstackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DevstackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningSystem.class || type == ClockedSystem.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(STORE);
    if (parameter.getParameter().getType() == ClockedSystem.class) {
      StartedStack clocked = store.computeIfAbsent("clocked", key -> StartedStack.onMovableClock(), StartedStack.class);
      return new ClockedSystem(clocked.system(), clocked.clock);
    }
    return store.computeIfAbsent("shared", key -> StartedStack.shared(), StartedStack.class).system();
  }

  /**
   * A devstack, or why it did not start. A failed start is remembered so the remaining tests fail at once with its
   * cause instead of each spending seconds starting the stack again.
   */
  static final class StartedStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DevstackExtension.class.getName());

    private final Devstack devstack;
    private final RunningSystem system;
    private final AdjustableClock clock;
    private final RuntimeException failure;

    private StartedStack(Devstack devstack, RunningSystem system, AdjustableClock clock, RuntimeException failure) {
      this.devstack = devstack;
      this.system = system;
      this.clock = clock;
      this.failure = failure;
    }

    static StartedStack shared() {
      return start(DevstackSettings.forTests(ServiceNamespace.random("e2e").value()), null);
    }

    static StartedStack onMovableClock() {
      DevstackSettings settings = DevstackSettings.forTests(ServiceNamespace.random("clocked").value())
          // Due expiry and approval timers are looked for on these intervals; the default second would only make tests
          // wait longer.
          .withServiceArguments(List.of("--quartermaster.provisioning.expiry.poll-interval=200ms",
              "--quartermaster.request.approval-sweep-interval=200ms"));
      return start(settings, AdjustableClock.systemUtc());
    }

    private static StartedStack start(DevstackSettings settings, AdjustableClock clock) {
      Devstack devstack;
      try {
        devstack = Devstack.startOn(SharedInfrastructure.get(), settings, clock);
      } catch (RuntimeException e) {
        return new StartedStack(null, null, clock, e);
      }
      try {
        String token = DevTokenEndpoint.tokenFor(devstack.baseUrl(), DevstackSettings.DEFAULT_ADMINISTRATOR);
        LOG.log(System.Logger.Level.INFO, "devstack {0} for end-to-end tests up at {1} in {2} ms",
            settings.namespace(), devstack.baseUrl(), devstack.startup().toMillis());
        return new StartedStack(devstack, new RunningSystem(devstack.baseUrl(), token), clock, null);
      } catch (RuntimeException e) {
        devstack.close();
        return new StartedStack(null, null, clock, e);
      }
    }

    RunningSystem system() {
      if (failure != null) {
        throw new IllegalStateException("The devstack failed to start in this test run", failure);
      }
      return system;
    }

    @Override
    public void close() {
      if (devstack != null) {
        devstack.close();
      }
    }
  }
}
