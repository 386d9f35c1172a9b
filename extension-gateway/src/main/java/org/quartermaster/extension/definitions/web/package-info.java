/**
 * Graph's catalogs/{id}/customWorkflowExtensions and beta's accessPackageCatalogs/{id}/customAccessPackageWorkflowExtensions:
 * the body parser, the view and the controllers.
 */
package org.quartermaster.extension.definitions.web;
