/** The policy service's view of provisioning: a read model of assignments per policy, fed by provisioning's events. */
package org.quartermaster.policy.assignments.application;
