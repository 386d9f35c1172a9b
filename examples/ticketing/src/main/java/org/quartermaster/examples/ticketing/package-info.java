/** A sample custom-extension endpoint: verifies signatures, opens tickets and resumes launch-and-wait requests. */
package org.quartermaster.examples.ticketing;
