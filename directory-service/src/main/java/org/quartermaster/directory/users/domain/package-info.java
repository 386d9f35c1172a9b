/** Directory users and the rules for creating and changing them, free of any framework. */
package org.quartermaster.directory.users.domain;
