/** The provisioning service: access package assignments, the resource roles they grant, and their expiry. */
package org.quartermaster.provisioning;
