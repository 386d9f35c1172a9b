/** The custom_workflow_extensions table: the policy service's read model of extension-gateway's definitions. */
package org.quartermaster.policy.extensions.persistence;
