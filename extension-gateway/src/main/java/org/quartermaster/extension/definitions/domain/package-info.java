/** Custom workflow extensions: their kinds, stages, endpoint, authentication and client settings, and their rules. */
package org.quartermaster.extension.definitions.domain;
