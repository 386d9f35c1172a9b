/** The directory read model's projection, and what it tells provisioning about memberships Quartermaster did not make. */
package org.quartermaster.provisioning.directory.application;
