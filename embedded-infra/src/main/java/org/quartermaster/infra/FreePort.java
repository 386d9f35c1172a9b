package org.quartermaster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port checks made before starting a server: Kafka must advertise its port before it binds it, and a taken fixed
 * port should fail with a clear message.
 */
final class FreePort {

    private FreePort() {
    }

    static int orAny(int requested) {
        return requested != 0 ? requested : pick();
    }

    /**
     * Fails fast on a fixed port that is taken: Kafka would fail with a page of stack traces, and zonky would wait
     * 30 s for a server that could not bind, or even take whatever answers on that port for its own server.
     */
    static void requireFree(int port, String property) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + property + ") is already in use on "
                    + InetAddress.getLoopbackAddress().getHostAddress() + "; stop what listens there or choose another"
                    + " port, 0 for any free one", e);
        }
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
