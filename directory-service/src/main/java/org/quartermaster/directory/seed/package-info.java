/** Data a fresh deployment needs before anyone can sign in: the first administrator. */
package org.quartermaster.directory.seed;
