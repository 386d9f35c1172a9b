/** User use cases, each one transaction over the user's row and its outgoing events. */
package org.quartermaster.directory.users.application;
