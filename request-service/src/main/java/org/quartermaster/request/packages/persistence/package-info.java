/** The access_packages table: the request service's read model of the catalog's access packages. */
package org.quartermaster.request.packages.persistence;
