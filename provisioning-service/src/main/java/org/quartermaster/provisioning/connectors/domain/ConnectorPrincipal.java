package org.quartermaster.provisioning.connectors.domain;

/**
 * The principal the directory records as having made the connector's changes: the {@code oid} of its
 * client-credentials token. Memberships made by it are Quartermaster's own.
 */
public record ConnectorPrincipal(String objectId) {
}
