/** The catalog's view of the directory: a read model of its groups, fed by its events, and a bounded wait for it. */
package org.quartermaster.catalog.directory.application;
