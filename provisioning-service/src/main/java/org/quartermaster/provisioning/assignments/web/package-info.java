/** The assignments API: v1.0 assignments, beta accessPackageAssignments and accessPackageAssignmentResourceRoles, and reprocess. */
package org.quartermaster.provisioning.assignments.web;
