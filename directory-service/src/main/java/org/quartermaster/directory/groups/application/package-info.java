/** Group and membership use cases, each one transaction over the group's rows and its outgoing events. */
package org.quartermaster.directory.groups.application;
