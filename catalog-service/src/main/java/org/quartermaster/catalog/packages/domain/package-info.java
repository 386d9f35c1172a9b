/** Access packages: the resource roles they grant within their catalog, and the packages and groups they exclude. */
package org.quartermaster.catalog.packages.domain;
