/** Tables of the catalog read model: access packages and their resource role scopes. */
package org.quartermaster.provisioning.catalog.persistence;
