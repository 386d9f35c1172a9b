package org.quartermaster.e2e;

/**
 * The system as a client sees it: the gateway's address and a token the real dev token endpoint
 * issued for the seeded administrator.
 *
 * @param baseUrl the gateway, e.g. {@code http://localhost:41234}; the only address tests use
 * @param adminToken a bearer token for {@link org.quartermaster.devstack.DevstackSettings#DEFAULT_ADMINISTRATOR}
 */
public record RunningSystem(String baseUrl, String adminToken) {
}
