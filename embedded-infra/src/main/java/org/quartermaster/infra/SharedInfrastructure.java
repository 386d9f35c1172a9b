package org.quartermaster.infra;

/**
 * One broker and one database server per JVM, shared by every test in it; tests isolate themselves with unique
 * topic and schema names. Started on first use from {@link InfrastructureSettings#fromEnvironment()}.
 */
public final class SharedInfrastructure {

    private static StartedInfrastructure started;
    private static RuntimeException failure;

    private SharedInfrastructure() {
    }

    /**
     * The JVM's infrastructure. Its {@code close()} does nothing, so a test cannot pull it from under the others.
     * At JVM exit a shutdown hook stops the PostgreSQL server; the in-process broker is left to die with the JVM,
     * because Spring contexts still closing in parallel hooks would otherwise wait 30 s for a vanished broker.
     */
    public static synchronized Infrastructure get() {
        if (failure != null) {
            throw new IllegalStateException("The shared infrastructure failed to start earlier in this JVM", failure);
        }
        if (started == null) {
            try {
                started = InfrastructureLauncher.launch(InfrastructureSettings.fromEnvironment(),
                        ExternalServers.from(ConfigSource.system()), DockerAvailability::available);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopAtJvmExit, "quartermaster-infra-shutdown"));
        }
        return new Unclosable(started);
    }

    private record Unclosable(Infrastructure delegate) implements Infrastructure {

        @Override
        public String kafkaBootstrapServers() {
            return delegate.kafkaBootstrapServers();
        }

        @Override
        public PostgresCoordinates postgres() {
            return delegate.postgres();
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public void close() {
            // Shared for the life of the JVM.
        }
    }
}
