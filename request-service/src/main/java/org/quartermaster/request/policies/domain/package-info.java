/** The request service's view of assignment policies: who may request, what they must answer, how long access lasts. */
package org.quartermaster.request.policies.domain;
