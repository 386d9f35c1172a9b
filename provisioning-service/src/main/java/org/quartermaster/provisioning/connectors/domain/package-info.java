/** The connector port: how provisioning asks a target system to grant or revoke a role, and how it may fail. */
package org.quartermaster.provisioning.connectors.domain;
