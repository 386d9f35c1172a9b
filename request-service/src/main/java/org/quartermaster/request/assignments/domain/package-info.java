/** The request service's view of assignments, fed by provisioning's events: what removals and duplicate checks look at. */
package org.quartermaster.request.assignments.domain;
