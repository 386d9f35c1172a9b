/** Helpers the request service's stores share: UTC timestamps, nullable parameters and JSON documents. */
package org.quartermaster.request.common.persistence;
