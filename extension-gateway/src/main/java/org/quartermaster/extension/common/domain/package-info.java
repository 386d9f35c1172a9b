/** Refusals every feature's domain shares: not found, conflicting state, not allowed. */
package org.quartermaster.extension.common.domain;
