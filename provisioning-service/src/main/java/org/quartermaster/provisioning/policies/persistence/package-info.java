/** The table of the policy read model. */
package org.quartermaster.provisioning.policies.persistence;
