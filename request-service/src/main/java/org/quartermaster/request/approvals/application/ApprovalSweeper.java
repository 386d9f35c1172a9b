package org.quartermaster.request.approvals.application;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.extensions.application.CalloutWaitService;
import org.quartermaster.platform.work.PeriodicSweep;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires approval timers on the service's clock: escalations and timeouts are deadlines stored on the request rows, so
 * they survive restarts, and a deadline that passed while the service was down fires at the first sweep after it is
 * back. The same sweep fires the safety deadline of requests waiting for a custom extension's callback.
 */
@Component
public class ApprovalSweeper extends PeriodicSweep {

  /** Due requests one sweep handles at most; the rest wait for the next sweep, so one sweep cannot run on forever. */
  static final int PER_SWEEP = 100;

  private final ApprovalService approvals;
  private final CalloutWaitService calloutWaits;

  public ApprovalSweeper(ApprovalService approvals, CalloutWaitService calloutWaits, ApprovalProperties properties) {
    super(properties.approvalSweepInterval());
    this.approvals = approvals;
    this.calloutWaits = calloutWaits;
  }

  @Override
  protected Mono<Void> round() {
    Set<UUID> handled = new HashSet<>();
    Set<UUID> waited = new HashSet<>();
    return drain(() -> approvals.sweepOne(handled), PER_SWEEP)
        .then(drain(() -> calloutWaits.sweepOne(waited), PER_SWEEP));
  }
}
