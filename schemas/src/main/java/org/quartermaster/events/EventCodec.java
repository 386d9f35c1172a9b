package org.quartermaster.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes Quartermaster events in Avro single-object encoding (see ADR 0005).
 *
 * <p>A payload is {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the
 * Avro binary body. The writer schema is found by fingerprint in a local {@link SchemaStore} holding every released
 * version, so no registry server is needed. Instances are immutable and thread-safe; share them.
 */
public final class EventCodec {

  private static final int HEADER_LENGTH = 10;

  /** Every writer schema this codec reads, keyed by fingerprint; also the decoders' resolver. */
  private final SchemaStore.Cache store = new SchemaStore.Cache();
  private final Map<String, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
  private final Map<String, BinaryMessageDecoder<SpecificRecord>> decoders = new HashMap<>();

  private EventCodec(Collection<Class<? extends SpecificRecord>> eventTypes, Collection<Schema> extraWriterSchemas) {
    EventSpecificData model = new EventSpecificData(eventTypes);
    Map<String, Schema> readers = new HashMap<>();
    List<Schema> writers = new ArrayList<>(extraWriterSchemas);
    for (Class<? extends SpecificRecord> eventType : eventTypes) {
      Schema reader = model.getSchema(eventType);
      readers.put(reader.getFullName(), reader);
      encoders.put(reader.getFullName(), new BinaryMessageEncoder<>(model, reader));
      decoders.put(reader.getFullName(), new BinaryMessageDecoder<>(model, reader, store));
      store.addSchema(reader);
      ReleasedSchemas.of(reader.getFullName()).forEach(version -> writers.add(version.schema()));
    }
    for (Schema writer : writers) {
      requireReadable(readers.get(writer.getFullName()), writer);
      store.addSchema(writer);
    }
  }

  /** The codec for every event type in {@link Topics#all()} and every released schema version of each. */
  public static EventCodec standard() {
    return Standard.INSTANCE;
  }

  /**
   * A codec for the given event types that reads their current and released schemas plus the given extra writer
   * schemas. Meant for tests and tools, e.g. to decode payloads written with a fixture schema.
   *
   * @throws IllegalArgumentException if an extra writer schema has no event class or cannot be read by it
   */
  public static EventCodec of(Collection<Class<? extends SpecificRecord>> eventTypes,
      Collection<Schema> extraWriterSchemas) {
    return new EventCodec(eventTypes, extraWriterSchemas);
  }

  /** Serializes an event with its current (generated) schema. */
  public byte[] encode(SpecificRecord event) {
    BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(event.getSchema().getFullName());
    if (encoder == null) {
      throw new IllegalArgumentException("Not a known event type: " + event.getClass().getName());
    }
    // Own stream instead of encode(datum).array(): the ByteBuffer variant may expose a larger backing array.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encoder.encode(event, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a payload into the current generated class of the writer schema's type, resolving older writer versions.
   *
   * @throws UnknownEventSchemaException if the writer fingerprint is not in the store
   * @throws BadHeaderException if the payload is not single-object encoded
   */
  public SpecificRecord decode(byte[] payload) {
    try {
      return decoders.get(eventType(payload)).decode(payload);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode event payload", e);
    }
  }

  /** The Avro full name of the payload's writer schema, e.g. {@code org.quartermaster.events.directory.UserCreated}. */
  public String eventType(byte[] payload) {
    long fingerprint = fingerprint(payload);
    Schema writer = store.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new UnknownEventSchemaException(fingerprint);
    }
    return writer.getFullName();
  }

  /** The {@code metadata} field that every Quartermaster event carries. */
  public static EventMetadata metadataOf(SpecificRecord event) {
    Schema.Field field = event.getSchema().getField("metadata");
    if (field == null || !(event.get(field.pos()) instanceof EventMetadata metadata)) {
      throw new IllegalArgumentException("Not a Quartermaster event (no metadata): " + event.getSchema().getFullName());
    }
    return metadata;
  }

  /** Fails at startup rather than on the first old message; the build check should make this unreachable. */
  private static void requireReadable(Schema reader, Schema writer) {
    if (reader == null) {
      throw new IllegalArgumentException("No event class for writer schema " + writer.getFullName());
    }
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalArgumentException("Current " + writer.getFullName() + " cannot read a writer schema: "
          + result.getIncompatibilities().stream()
              .map(problem -> problem.getType() + " at " + problem.getLocation() + " (" + problem.getMessage() + ")")
              .toList());
    }
  }

  private static long fingerprint(byte[] payload) {
    if (payload == null || payload.length < HEADER_LENGTH || payload[0] != (byte) 0xC3 || payload[1] != (byte) 0x01) {
      throw new BadHeaderException("Not an Avro single-object encoded payload (expected header C3 01)");
    }
    return ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** Lazy holder: parses every released schema once per JVM, on first use. */
  private static final class Standard {
    static final EventCodec INSTANCE = new EventCodec(Topics.eventTypes(), List.of());
  }
}
