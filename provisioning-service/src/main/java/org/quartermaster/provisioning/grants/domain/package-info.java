/** Reference counting of grants: when a role held through several assignments, or held before Quartermaster, is really revoked. */
package org.quartermaster.provisioning.grants.domain;
