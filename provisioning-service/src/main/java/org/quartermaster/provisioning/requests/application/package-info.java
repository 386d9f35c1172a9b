/** The consumer of the request service's delivery decisions. */
package org.quartermaster.provisioning.requests.application;
