/** The directory_users and group_members tables: the request service's read model of the directory. */
package org.quartermaster.request.directory.persistence;
