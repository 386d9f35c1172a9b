/** Graph's access package endpoints, their resource role scopes and incompatibilities, in v1.0 and beta shapes. */
package org.quartermaster.catalog.packages.web;
