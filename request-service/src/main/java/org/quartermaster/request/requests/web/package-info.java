/** The request endpoints: Graph's v1.0 and beta assignment requests from one model, and Quartermaster's bulk endpoint. */
package org.quartermaster.request.requests.web;
