/**
 * Custom workflow extensions as far as requests care: which launch-and-wait extensions hold a request at a stage, the
 * wait itself as a pure value, what extension-gateway reports about its callouts, and the callouts' record.
 */
package org.quartermaster.request.extensions.domain;
