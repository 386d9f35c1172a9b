/** The reference-counting tables: role grants per assignment and roles that predate Quartermaster. */
package org.quartermaster.provisioning.grants.persistence;
