/** Persistence helpers every store shares. */
package org.quartermaster.extension.common.persistence;
