/** Assignment use cases and queries: delivering requests, reprocessing, ending, and reading with expansions. */
package org.quartermaster.provisioning.assignments.application;
