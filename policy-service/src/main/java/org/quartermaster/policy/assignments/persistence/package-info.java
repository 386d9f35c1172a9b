/** The policy_assignments table: which assignments, made under which policy, are still active. */
package org.quartermaster.policy.assignments.persistence;
