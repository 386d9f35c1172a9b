/**
 * Spring Boot integration that exists because Boot re-initialises logging after an in-process broker has started.
 */
package org.quartermaster.infra.boot;
