/** Web conventions every policy endpoint shares: route prefixes, permission checks, refusals as Graph errors, references. */
package org.quartermaster.policy.common.web;
