/** The custom_workflow_extensions read model and the callout_instances record of each request's callouts. */
package org.quartermaster.request.extensions.persistence;
