/** The extensions table, with each extension's signing secret. */
package org.quartermaster.extension.definitions.persistence;
