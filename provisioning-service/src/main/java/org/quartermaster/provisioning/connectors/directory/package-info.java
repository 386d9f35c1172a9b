/** The built-in directory connector: group memberships and ownerships over the directory's Graph API, with a client-credentials token. */
package org.quartermaster.provisioning.connectors.directory;
