/** Choosing the connector for an operation's target system. */
package org.quartermaster.provisioning.connectors.application;
