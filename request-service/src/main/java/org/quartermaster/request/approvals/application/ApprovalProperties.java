package org.quartermaster.request.approvals.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval settings.
 *
 * @param approvalSweepInterval how often the sweeper looks for stages due to escalate or time out; a timer fires at most
 *     this late
 */
@ConfigurationProperties("quartermaster.request")
public record ApprovalProperties(@DefaultValue("1s") Duration approvalSweepInterval) {
}
