/** Building blocks the request service's domains share: enum parsing, durations and the kinds of refusal beyond a bad value. */
package org.quartermaster.request.common.domain;
