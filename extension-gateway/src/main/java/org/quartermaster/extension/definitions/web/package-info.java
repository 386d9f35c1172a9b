/** Graph's catalogs/{id}/customWorkflowExtensions: the body parser, the view and the controller. */
package org.quartermaster.extension.definitions.web;
