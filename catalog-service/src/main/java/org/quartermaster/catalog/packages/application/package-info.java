/** Access package use cases: the packages themselves, the role scopes they grant and the incompatibilities they declare. */
package org.quartermaster.catalog.packages.application;
