/** What the gateway may call (the outbound policy) and how it signs what it sends (Standard Webhooks). */
package org.quartermaster.extension.outbound.domain;
