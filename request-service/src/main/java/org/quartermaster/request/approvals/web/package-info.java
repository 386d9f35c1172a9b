/** Graph's accessPackageAssignmentApprovals (v1.0 stages, beta steps) and Quartermaster's bulk decisions. */
package org.quartermaster.request.approvals.web;
