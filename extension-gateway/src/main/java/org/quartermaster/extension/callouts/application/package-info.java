/** Planning callouts from lifecycle events, sending them durably, timing out callbacks and taking resumes. */
package org.quartermaster.extension.callouts.application;
