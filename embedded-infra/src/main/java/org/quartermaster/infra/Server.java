package org.quartermaster.infra;

/**
 * One Kafka broker or PostgreSQL server that this JVM either started or merely points at.
 *
 * @param <C> how clients reach it
 */
interface Server<C> {

    C coordinates();

    /** Provider and address, e.g. {@code embedded(localhost:5433)}. */
    String description();

    /** Stops the server if this JVM started it; calling it again does nothing. */
    void stop();

    /**
     * What to do when the JVM exits without {@link #stop()}: only servers that would outlive the JVM need
     * stopping, and stopping an in-process broker then would stall the services still shutting down against it.
     */
    default void stopAtJvmExit() {
    }
}
