/** Graph's resource request endpoints and a catalog's resources, resource roles and resource scopes, in v1.0 and beta shapes. */
package org.quartermaster.catalog.resources.web;
