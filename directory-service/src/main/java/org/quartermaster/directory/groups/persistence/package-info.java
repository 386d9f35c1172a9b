/** Stores groups and their member and owner relationships in the service's own PostgreSQL schema. */
package org.quartermaster.directory.groups.persistence;
