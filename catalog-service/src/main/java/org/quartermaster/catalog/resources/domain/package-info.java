/** Resources in catalogs, their roles and scopes, and the resource requests that add and remove them. */
package org.quartermaster.catalog.resources.domain;
