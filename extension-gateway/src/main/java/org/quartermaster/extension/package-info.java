/** The extension gateway: custom workflow extensions, their signed callouts and the callbacks that resume requests. */
package org.quartermaster.extension;
