/** Policy use cases, each one transaction that locks what it changes and appends its events, and the requirements a caller meets. */
package org.quartermaster.policy.policies.application;
