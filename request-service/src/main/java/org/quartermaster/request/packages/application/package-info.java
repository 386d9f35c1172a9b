/** The request service's read model of access packages, fed by the catalog's events. */
package org.quartermaster.request.packages.application;
