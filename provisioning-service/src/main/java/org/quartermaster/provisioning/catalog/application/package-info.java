/** The catalog read model's projection: access packages and their role scopes, from the catalog's events. */
package org.quartermaster.provisioning.catalog.application;
