/** resume (v1.0 and beta) and Quartermaster's record of a request's callouts. */
package org.quartermaster.extension.callouts.web;
