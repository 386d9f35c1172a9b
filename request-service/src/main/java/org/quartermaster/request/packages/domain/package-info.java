/** The request service's view of access packages, fed by the catalog's events. */
package org.quartermaster.request.packages.domain;
