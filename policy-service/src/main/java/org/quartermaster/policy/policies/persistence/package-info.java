/** The assignment_policies table: each policy's searchable columns, and the rest of its definition as one JSON document. */
package org.quartermaster.policy.policies.persistence;
