package org.quartermaster.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports are chosen before the services start, so each can be told the others' addresses up front. */
final class FreePorts {

  private FreePorts() {
  }

  static int pick(int requested) {
    if (requested > 0) {
      return requested;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
