/** The assignments tables, and the Graph query models that read them. */
package org.quartermaster.provisioning.assignments.persistence;
