/** Building blocks the policy service's domains share: audit stamps, Graph enums, text rules and the two kinds of refusal beyond a bad value. */
package org.quartermaster.policy.common.domain;
