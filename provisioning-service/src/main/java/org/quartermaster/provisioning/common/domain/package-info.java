/** Domain vocabulary every provisioning feature shares: Graph enum spellings and state conflicts. */
package org.quartermaster.provisioning.common.domain;
