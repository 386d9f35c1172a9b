/** Separation of duties: refuses an add for a target who holds, or is about to receive, an incompatible access package or group. */
package org.quartermaster.request.separation.application;
