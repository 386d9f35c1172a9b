package org.quartermaster.request.requests.domain;

/** What happened to a request; each carries the request as it stands afterwards and is keyed by its target. */
public sealed interface RequestEvent {

  AssignmentRequest request();

  /** A request passed validation and was stored. */
  record Created(AssignmentRequest request) implements RequestEvent {
  }

  /** A request is ready for provisioning: on submission without approval, and again on reprocess. */
  record DeliveryRequested(AssignmentRequest request) implements RequestEvent {
  }

  /** Provisioning finished the request's work. */
  record Delivered(AssignmentRequest request) implements RequestEvent {
  }

  /** Delivery failed for good, or only partly succeeded. */
  record Failed(AssignmentRequest request, String reason) implements RequestEvent {
  }

  /** The request was canceled before delivery. */
  record Canceled(AssignmentRequest request) implements RequestEvent {
  }
}
