package org.quartermaster.e2e;

import org.quartermaster.platform.time.AdjustableClock;

/**
 * A running system of its own whose services all read one clock the test moves, so expiry is tested by moving time
 * instead of waiting for it. Dev tokens stay on wall-clock time, so moving the clock does not expire them.
 *
 * @param system the gateway and an administrator's token, as for the shared system
 * @param clock every service's clock
 */
public record ClockedSystem(RunningSystem system, AdjustableClock clock) {
}
