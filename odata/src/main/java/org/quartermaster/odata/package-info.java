/**
 * Parses the OData query options of a Microsoft Graph-style collection request and translates them into
 * parameterised PostgreSQL fragments, validated against a {@link org.quartermaster.odata.QueryModel}.
 */
package org.quartermaster.odata;
