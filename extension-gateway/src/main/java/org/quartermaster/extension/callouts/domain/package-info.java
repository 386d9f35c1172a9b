/** Callouts: one call of an extension at one stage, its retries, its callback or timeout, and the payload it sends. */
package org.quartermaster.extension.callouts.domain;
