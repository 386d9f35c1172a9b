/** The request service: assignment requests validated against read models of policies, packages, users and assignments. */
package org.quartermaster.request;
