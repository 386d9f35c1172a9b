/** The catalog's access packages, as provisioning knows them from the catalog's events. */
package org.quartermaster.provisioning.catalog.domain;
