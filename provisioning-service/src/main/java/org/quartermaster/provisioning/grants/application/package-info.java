/** Acquiring and releasing reference-counted role grants, inside the assignment's transaction. */
package org.quartermaster.provisioning.grants.application;
