/** The directory_users and group_members tables: the policy service's read model of who is in the directory and in which groups. */
package org.quartermaster.policy.directory.persistence;
