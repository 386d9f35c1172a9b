/** Request use cases: submission against the read models, client triggers, provisioning's progress, expansions. */
package org.quartermaster.request.requests.application;
