/** Assignment policies: who may request an access package for themselves, how long it lasts, what they must answer. */
package org.quartermaster.policy.policies.domain;
