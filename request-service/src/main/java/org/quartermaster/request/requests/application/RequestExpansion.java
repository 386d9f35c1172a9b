package org.quartermaster.request.requests.application;

/** The navigations of a request a response can include, whatever each API version calls them. */
public enum RequestExpansion {
  ACCESS_PACKAGE,
  ASSIGNMENT,
  ASSIGNMENT_TARGET,
  REQUESTOR
}
