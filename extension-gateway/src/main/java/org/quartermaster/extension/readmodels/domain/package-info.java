/** What the gateway knows of other services' data: names for payloads, policy bindings, who asked for a request. */
package org.quartermaster.extension.readmodels.domain;
