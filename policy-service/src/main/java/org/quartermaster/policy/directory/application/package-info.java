/** The policy service's view of the directory: users and group memberships fed by its events, to judge who a policy admits. */
package org.quartermaster.policy.directory.application;
