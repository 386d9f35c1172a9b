/** Web conventions every provisioning endpoint shares: route prefixes, permission checks, refusals as Graph errors. */
package org.quartermaster.provisioning.common.web;
