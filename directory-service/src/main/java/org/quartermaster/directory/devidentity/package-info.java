/** A development token issuer for the devstack and tests; real deployments use an external OIDC provider. */
package org.quartermaster.directory.devidentity;
