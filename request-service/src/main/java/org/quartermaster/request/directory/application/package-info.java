/** The request service's read models of the directory's users and group memberships, fed by its events. */
package org.quartermaster.request.directory.application;
