/** Web conventions every endpoint shares: route prefixes, permission checks, refusals as Graph errors. */
package org.quartermaster.extension.common.web;
