/** Assignment policies, as provisioning knows them from the policy service's events. */
package org.quartermaster.provisioning.policies.domain;
