package org.quartermaster.extension.callouts.domain;

/** What happened to a callout; each carries the callout as it is afterwards. */
public sealed interface CalloutEvent {

  Callout callout();

  record Invoked(Callout callout) implements CalloutEvent {
  }

  record Failed(Callout callout, String reason) implements CalloutEvent {
  }

  record CallbackReceived(Callout callout, boolean denied, String source) implements CalloutEvent {
  }

  record TimedOut(Callout callout, String reason) implements CalloutEvent {
  }
}
