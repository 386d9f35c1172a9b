/** The request service's read model of policies, fed by the policy service's events. */
package org.quartermaster.request.policies.application;
