/** The incompatibility and group-name read models, and the queries that find what a target holds or is about to hold. */
package org.quartermaster.request.separation.persistence;
