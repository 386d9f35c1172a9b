/**
 * The extension read model and the callouts consumer: requests wait in WaitingForCallback for launch-and-wait
 * extensions, and go on, are denied or time out from extension-gateway's callout events and the sweeper's deadline.
 */
package org.quartermaster.request.extensions.application;
