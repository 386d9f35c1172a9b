/** The resources, resource_roles, resource_scopes and resource_requests tables. */
package org.quartermaster.catalog.resources.persistence;
