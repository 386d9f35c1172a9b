/** The policy service: assignment policies that say who may request an access package, for how long, and what they are asked. */
package org.quartermaster.policy;
