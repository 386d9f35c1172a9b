/** The extension gateway's settings. */
package org.quartermaster.extension.config;
