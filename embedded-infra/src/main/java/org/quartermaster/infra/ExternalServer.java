package org.quartermaster.infra;

/**
 * A server someone else runs; we only pass its coordinates on.
 */
record ExternalServer<C>(C coordinates, String address) implements Server<C> {

    @Override
    public String description() {
        return "external(" + address + ")";
    }

    @Override
    public void stop() {
        // Not ours to stop.
    }
}
