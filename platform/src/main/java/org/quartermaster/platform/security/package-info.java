/** Bearer-token security: who the caller is, taken from a JWT any OIDC provider can issue. */
package org.quartermaster.platform.security;
