/** The assignment aggregate: its roles' delivery, its schedule and expiration, its ending; plain Java. */
package org.quartermaster.provisioning.assignments.domain;
