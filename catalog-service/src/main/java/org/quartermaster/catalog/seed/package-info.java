/** Start-up work: the built-in General catalog every deployment has. */
package org.quartermaster.catalog.seed;
