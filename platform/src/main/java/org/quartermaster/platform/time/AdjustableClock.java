package org.quartermaster.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows real time from an offset that can be moved, so expiry and escalation are
 * tested by moving time forward instead of sleeping.
 */
public final class AdjustableClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public AdjustableClock(Clock base) {
    this.base = base;
  }

  public static AdjustableClock systemUtc() {
    return new AdjustableClock(Clock.systemUTC());
  }

  public void advance(Duration amount) {
    offset.accumulateAndGet(amount, Duration::plus);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
