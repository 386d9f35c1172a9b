/** The provisioning service's settings. */
package org.quartermaster.provisioning.config;
