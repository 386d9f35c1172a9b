/** Web conventions every catalog endpoint shares: route prefixes, permission checks, refusals as Graph errors, references. */
package org.quartermaster.catalog.common.web;
