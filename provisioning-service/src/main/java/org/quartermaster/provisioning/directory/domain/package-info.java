/** The directory's users, as provisioning knows them from the directory's events. */
package org.quartermaster.provisioning.directory.domain;
