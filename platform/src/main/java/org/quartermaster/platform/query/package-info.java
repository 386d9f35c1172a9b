/** Runs Graph collection queries against a service's own tables, as parameterised SQL. */
package org.quartermaster.platform.query;
