/** Persistence conventions every provisioning table shares. */
package org.quartermaster.provisioning.common.persistence;
