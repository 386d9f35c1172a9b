/** Resource requests that add groups to catalogs and remove them, and the catalog's views of its resources, roles and scopes. */
package org.quartermaster.catalog.resources.application;
