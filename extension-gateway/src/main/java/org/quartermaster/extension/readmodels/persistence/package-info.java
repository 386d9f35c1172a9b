/** The read models' tables; only the projections write them. */
package org.quartermaster.extension.readmodels.persistence;
