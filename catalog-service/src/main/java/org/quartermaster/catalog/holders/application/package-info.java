/** Read models of the policies and assignments that hold access packages, built from their owners' events. */
package org.quartermaster.catalog.holders.application;
