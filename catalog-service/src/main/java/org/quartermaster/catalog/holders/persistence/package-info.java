/** Stores which policies and assignments hold each access package. */
package org.quartermaster.catalog.holders.persistence;
