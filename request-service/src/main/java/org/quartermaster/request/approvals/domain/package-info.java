/** The approval of a request as a pure state machine: serial stages, resolved approvers, quorum, escalation and timeout. */
package org.quartermaster.request.approvals.domain;
