/** The callouts table: the record of every call, the queue of calls to make and the callbacks awaited. */
package org.quartermaster.extension.callouts.persistence;
