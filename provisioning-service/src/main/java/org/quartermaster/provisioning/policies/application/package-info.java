/** The policy read model's projection, from the policy service's events. */
package org.quartermaster.provisioning.policies.application;
