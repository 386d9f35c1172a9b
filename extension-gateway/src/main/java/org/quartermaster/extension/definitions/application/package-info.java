/** Use cases on extension definitions, each one transaction with its events: create, replace, delete, rotate. */
package org.quartermaster.extension.definitions.application;
