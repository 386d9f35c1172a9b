/** The HTTP side of callouts: the webhook client, which reads bounded answers, and the client-credentials token client. */
package org.quartermaster.extension.outbound.http;
