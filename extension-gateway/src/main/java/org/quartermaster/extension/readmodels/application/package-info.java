/** The projections that keep the read models from the catalog, policy, directory and request topics. */
package org.quartermaster.extension.readmodels.application;
