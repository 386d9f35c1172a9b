/** Web conventions every request endpoint shares: route prefixes, permission checks, refusals as Graph errors. */
package org.quartermaster.request.common.web;
