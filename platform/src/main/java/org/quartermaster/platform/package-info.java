/** The shared library every Quartermaster service is built on: outbox, inbox, Graph wire conventions and security. */
package org.quartermaster.platform;
