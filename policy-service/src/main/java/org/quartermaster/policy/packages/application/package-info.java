/** The policy service's view of the catalog: a read model of its access packages, fed by its events, and a bounded wait for it. */
package org.quartermaster.policy.packages.application;
