package org.quartermaster.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The steps of one target user's request as its events tell them. Times from events are the owning service's
 * {@code occurredAt} in microseconds since the epoch (0 until seen); the child JVM and this one read the same system
 * clock, so they can be compared with {@link WallClock}. Written by the watcher's thread, read after a phase.
 */
final class RequestTrace {

  private volatile long createdMicros;
  private volatile long deliveryRequestedSeenNanos;
  private volatile long assignmentCreatedMicros;
  private volatile long roleGrantedMicros;
  private volatile long assignmentGrantedMicros;
  private volatile long assignmentGrantedSeenNanos;
  private volatile long deliveredMicros;
  private volatile long deliveredArrivalNanos;
  private volatile String requestId;
  private volatile String failure;

  void created(Instant at) {
    createdMicros = first(createdMicros, at);
  }

  void deliveryRequestedSeen(long arrivalNanos) {
    if (deliveryRequestedSeenNanos == 0) {
      deliveryRequestedSeenNanos = arrivalNanos;
    }
  }

  void assignmentCreated(Instant at) {
    assignmentCreatedMicros = first(assignmentCreatedMicros, at);
  }

  void roleGranted(Instant at) {
    roleGrantedMicros = first(roleGrantedMicros, at);
  }

  void assignmentGranted(Instant at, long arrivalNanos) {
    if (assignmentGrantedMicros == 0) {
      assignmentGrantedMicros = micros(at);
      assignmentGrantedSeenNanos = arrivalNanos;
    }
  }

  void delivered(String id, Instant at, long arrivalNanos) {
    if (deliveredArrivalNanos == 0) {
      requestId = id;
      deliveredMicros = micros(at);
      deliveredArrivalNanos = arrivalNanos;
    }
  }

  void failed(String reason) {
    failure = reason;
  }

  long createdMicros() {
    return createdMicros;
  }

  /** When the DeliveryRequested event reached the benchmark's consumer, i.e. was on Kafka (nanoTime; 0 if not). */
  long deliveryRequestedSeenNanos() {
    return deliveryRequestedSeenNanos;
  }

  long assignmentCreatedMicros() {
    return assignmentCreatedMicros;
  }

  long roleGrantedMicros() {
    return roleGrantedMicros;
  }

  long assignmentGrantedMicros() {
    return assignmentGrantedMicros;
  }

  /** When the AssignmentGranted event reached the benchmark's consumer (nanoTime; 0 if not). */
  long assignmentGrantedSeenNanos() {
    return assignmentGrantedSeenNanos;
  }

  long deliveredMicros() {
    return deliveredMicros;
  }

  /** When the Delivered event reached the benchmark's consumer ({@link System#nanoTime()}), 0 if it has not. */
  long deliveredArrivalNanos() {
    return deliveredArrivalNanos;
  }

  String requestId() {
    return requestId;
  }

  String failure() {
    return failure;
  }

  /** A redelivered event (at-least-once) must not move a step that already happened. */
  private static long first(long current, Instant at) {
    return current != 0 ? current : micros(at);
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}
