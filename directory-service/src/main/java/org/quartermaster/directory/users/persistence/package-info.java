/** Stores directory users in the service's own PostgreSQL schema. */
package org.quartermaster.directory.users.persistence;
