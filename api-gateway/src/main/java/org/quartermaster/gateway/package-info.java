/** The API gateway: one address for clients, routing each Graph path to the service that owns it. */
package org.quartermaster.gateway;
