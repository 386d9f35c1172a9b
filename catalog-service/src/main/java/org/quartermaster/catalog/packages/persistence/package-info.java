/** The access_packages, resource_role_scopes and incompatibility tables. */
package org.quartermaster.catalog.packages.persistence;
