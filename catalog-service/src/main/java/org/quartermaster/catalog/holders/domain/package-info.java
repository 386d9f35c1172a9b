/** What the catalog knows of the policies that hold its access packages, as plain values. */
package org.quartermaster.catalog.holders.domain;
