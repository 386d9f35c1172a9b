/** Separation of duties as plain decisions: which held or incoming access, or which group, makes a package incompatible. */
package org.quartermaster.request.separation.domain;
