/** How a service is configured: its settings and the Spring settings derived from them. */
package org.quartermaster.platform.config;
