package org.quartermaster.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports are chosen before the services start, so each can be told the others' addresses up front. They are taken
 * below Linux's ephemeral range (32768–60999): a port the kernel handed out would be free when checked but could be
 * claimed by an outgoing connection (to Kafka, say) before the service binds it.
 */
final class FreePorts {

  private static final int LOWEST = 20000;
  private static final int HIGHEST = 32000;

  private FreePorts() {
  }

  static int pick(int requested) {
    if (requested > 0) {
      return requested;
    }
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port between " + LOWEST + " and " + HIGHEST));
  }
}
