package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  private final EventCodec codec = EventCodec.standard();

  static Stream<Named<SpecificRecord>> samples() {
    return SampleEvents.all().stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTripsEveryEventType(SpecificRecord event) {
    byte[] payload = codec.encode(event);

    SpecificRecord decoded = codec.decode(payload);

    assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
    assertThat(codec.eventType(payload)).isEqualTo(event.getSchema().getFullName());
    assertThat(EventCodec.metadataOf(decoded)).isEqualTo(EventCodec.metadataOf(event));
  }

  @Test
  void samplesCoverEveryEventTypeOfEveryTopic() {
    assertThat(SampleEvents.all()).extracting(Object::getClass)
        .containsExactlyInAnyOrderElementsOf(Topics.eventTypes());
  }

  @Test
  void decodesWithoutTrustingPackagesGlobally() {
    // The codec must not depend on the JVM-wide SERIALIZABLE_PACKAGES escape hatch (see EventSpecificData).
    assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).isNull();
    SpecificRecord event = SampleEvents.all().get(0);

    assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
  }

  @Test
  void unknownFingerprintIsAClearError() {
    byte[] payload = codec.encode(SampleEvents.all().get(0));
    payload[2] ^= 0x5A; // corrupt the writer fingerprint

    assertThatThrownBy(() -> codec.decode(payload))
        .isInstanceOf(UnknownEventSchemaException.class)
        .hasMessageContaining("Unknown event writer schema")
        .satisfies(e -> assertThat(((UnknownEventSchemaException) e).fingerprint()).isNotZero());
    assertThatThrownBy(() -> codec.eventType(payload)).isInstanceOf(UnknownEventSchemaException.class);
  }

  @Test
  void rejectsPayloadsWithoutSingleObjectHeader() {
    byte[] payload = codec.encode(SampleEvents.all().get(0));

    assertThatThrownBy(() -> codec.decode(Arrays.copyOfRange(payload, 1, payload.length)))
        .isInstanceOf(BadHeaderException.class);
    assertThatThrownBy(() -> codec.decode(new byte[3])).isInstanceOf(BadHeaderException.class);
  }

  @Test
  void refusesToEncodeRecordsThatAreNotEvents() {
    EventMetadata notAnEvent = SampleEvents.metadata("x");

    assertThatThrownBy(() -> codec.encode(notAnEvent)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventCodec.metadataOf(notAnEvent)).isInstanceOf(IllegalArgumentException.class);
  }
}
