/** The request service's view of directory users: who they are and whether they are members or guests. */
package org.quartermaster.request.directory.domain;
