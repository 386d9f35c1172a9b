package org.quartermaster.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.quartermaster.devstack.Devstack;
import org.quartermaster.devstack.DevstackSettings;
import org.quartermaster.infra.SharedInfrastructure;
import org.quartermaster.testing.ServiceNamespace;

/**
 * Starts one devstack for the whole test run and hands every test a {@link RunningSystem}. It lives
 * in the root store, which JUnit closes when the run ends, so the services stop before the JVM's
 * shared broker and database go away at exit.
 */
public final class DevstackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DevstackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningSystem.class;
  }

  @Override
  public RunningSystem resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(STORE)
        .computeIfAbsent(StartedStack.class, type -> StartedStack.start(), StartedStack.class)
        .system();
  }

  /**
   * The devstack, or why it did not start. A failed start is remembered so the remaining tests fail
   * at once with its cause instead of each spending seconds starting the stack again.
   */
  static final class StartedStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DevstackExtension.class.getName());

    private final Devstack devstack;
    private final RunningSystem system;
    private final RuntimeException failure;

    private StartedStack(Devstack devstack, RunningSystem system, RuntimeException failure) {
      this.devstack = devstack;
      this.system = system;
      this.failure = failure;
    }

    static StartedStack start() {
      Devstack devstack;
      try {
        devstack = Devstack.startOn(SharedInfrastructure.get(), DevstackSettings.forTests(ServiceNamespace.random("e2e").value()));
      } catch (RuntimeException e) {
        return new StartedStack(null, null, e);
      }
      try {
        String token = DevTokenEndpoint.tokenFor(devstack.baseUrl(), DevstackSettings.DEFAULT_ADMINISTRATOR);
        LOG.log(System.Logger.Level.INFO, "devstack for end-to-end tests up at {0} in {1} ms",
            devstack.baseUrl(), devstack.startup().toMillis());
        return new StartedStack(devstack, new RunningSystem(devstack.baseUrl(), token), null);
      } catch (RuntimeException e) {
        devstack.close();
        return new StartedStack(null, null, e);
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
