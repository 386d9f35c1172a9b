/** The access_packages table: the policy service's read model of the catalog's access packages. */
package org.quartermaster.policy.packages.persistence;
