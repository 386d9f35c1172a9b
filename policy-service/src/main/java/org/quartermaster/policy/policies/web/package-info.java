/** Assignment policies over HTTP: v1.0 assignmentPolicies and beta accessPackageAssignmentPolicies, read from and written to one model. */
package org.quartermaster.policy.policies.web;
