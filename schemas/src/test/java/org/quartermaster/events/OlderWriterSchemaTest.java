package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserType;

/** A consumer on the current schemas reads events that an older producer wrote with an older schema version. */
class OlderWriterSchemaTest {

  /** UserCreated "v0": DirectoryUser has no jobTitle/managerId and EventMetadata has no causationId yet. */
  private static final Schema USER_CREATED_V0 = parse("older-writers/UserCreated-v0.avsc");

  @Test
  void decodesOlderWriterIntoCurrentClassFillingDefaults() throws IOException {
    EventCodec codec = EventCodec.of(Topics.eventTypes(), List.of(USER_CREATED_V0));
    byte[] payload = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), USER_CREATED_V0)
        .encode(userCreatedV0()).array();

    UserCreated decoded = (UserCreated) codec.decode(payload);

    assertThat(codec.eventType(payload)).isEqualTo(UserCreated.getClassSchema().getFullName());
    DirectoryUser user = decoded.getUser();
    assertThat(user.getDisplayName()).isEqualTo("Adele Vance");
    assertThat(user.getDepartment()).isEqualTo("Retail");
    assertThat(user.getJobTitle()).isNull();
    assertThat(user.getManagerId()).isNull();
    assertThat(decoded.getMetadata().getCausationId()).isNull();
    assertThat(user.getUserType()).isEqualTo(UserType.Guest);
    assertThat(decoded.getMetadata().getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(decoded.getMetadata().getEventId()).isEqualTo(UUID.fromString("0b7e7f0e-4a57-4c55-9a3a-7c1d1f0f0a01"));
    assertThat(decoded.getMetadata().getActor().getPrincipalType()).isEqualTo(PrincipalType.SERVICE);
  }

  @Test
  void standardCodecDoesNotKnowTheFixtureWriter() throws IOException {
    byte[] payload = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), USER_CREATED_V0)
        .encode(userCreatedV0()).array();

    assertThatThrownBy(() -> EventCodec.standard().decode(payload)).isInstanceOf(UnknownEventSchemaException.class);
  }

  @Test
  void refusesWriterSchemasTheCurrentClassCannotRead() {
    Schema incompatible = parse("older-writers/UserDeleted-incompatible.avsc");

    assertThatThrownBy(() -> EventCodec.of(Topics.eventTypes(), List.of(incompatible)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UserDeleted");
  }

  private static GenericRecord userCreatedV0() {
    Schema metadataSchema = USER_CREATED_V0.getField("metadata").schema();
    Schema actorSchema = metadataSchema.getField("actor").schema();
    Schema userSchema = USER_CREATED_V0.getField("user").schema();
    GenericRecord actor = new GenericRecordBuilder(actorSchema)
        .set("principalType", new GenericData.EnumSymbol(actorSchema.getField("principalType").schema(), "SERVICE"))
        .build();
    GenericRecord metadata = new GenericRecordBuilder(metadataSchema)
        .set("eventId", "0b7e7f0e-4a57-4c55-9a3a-7c1d1f0f0a01")
        .set("occurredAt", 1_700_000_000_000_000L)
        .set("aggregateId", SampleEvents.USER_ID)
        .set("correlationId", "corr-1")
        .set("actor", actor)
        .build();
    GenericRecord user = new GenericRecordBuilder(userSchema)
        .set("id", SampleEvents.USER_ID)
        .set("displayName", "Adele Vance")
        .set("userPrincipalName", "adele@contoso.example")
        .set("accountEnabled", true)
        .set("userType", new GenericData.EnumSymbol(userSchema.getField("userType").schema(), "Guest"))
        .set("department", "Retail")
        .build();
    return new GenericRecordBuilder(USER_CREATED_V0).set("metadata", metadata).set("user", user).build();
  }

  static Schema parse(String resource) {
    try (InputStream in = OlderWriterSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
