/** Assignment requests: the rules a submission must pass, in order, and the state machine that follows its delivery. */
package org.quartermaster.request.requests.domain;
