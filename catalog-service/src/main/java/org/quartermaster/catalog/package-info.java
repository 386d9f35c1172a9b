/** The catalog service: catalogs, their resources and roles, access packages and the role scopes they grant. */
package org.quartermaster.catalog;
