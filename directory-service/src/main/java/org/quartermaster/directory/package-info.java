/** The directory service: users, groups and memberships, the first target access is provisioned into. */
package org.quartermaster.directory;
