/** Tables of the directory read model: users, and group memberships with who made them. */
package org.quartermaster.provisioning.directory.persistence;
