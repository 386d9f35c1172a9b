/** The assignment_requests table and the Graph queries it answers. */
package org.quartermaster.request.requests.persistence;
