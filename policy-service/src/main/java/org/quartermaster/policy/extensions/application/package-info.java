/**
 * The policy service's view of extension-gateway: a read model of custom workflow extensions, fed by its events, and
 * a bounded wait for one a client has just created.
 */
package org.quartermaster.policy.extensions.application;
