/** Security groups and their member and owner relationships, free of any framework. */
package org.quartermaster.directory.groups.domain;
