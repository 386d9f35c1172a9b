/** The assignment_policies table: the request service's read model of the policy service's policies. */
package org.quartermaster.request.policies.persistence;
