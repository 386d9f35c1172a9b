/** The assignments table: the request service's read model of provisioning's assignments. */
package org.quartermaster.request.assignments.persistence;
