package org.quartermaster.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;

/** One fully populated sample of every event type, for round-trip tests. */
final class SampleEvents {

  static final String USER_ID = "5f1c7d9e-0000-4000-8000-000000000001";
  static final String GROUP_ID = "5f1c7d9e-0000-4000-8000-000000000002";

  private SampleEvents() {
  }

  static List<SpecificRecord> all() {
    return List.of(
        new UserCreated(metadata(USER_ID), user()),
        new UserUpdated(metadata(USER_ID), user()),
        new UserDeleted(metadata(USER_ID), USER_ID),
        new GroupCreated(metadata(GROUP_ID), group()),
        new GroupUpdated(metadata(GROUP_ID), group()),
        new GroupDeleted(metadata(GROUP_ID), GROUP_ID),
        new GroupMemberAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupMemberRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID));
  }

  static EventMetadata metadata(String aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        // timestamp-micros: truncate so the round trip compares equal on JDKs with nanosecond clocks.
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId)
        .setCorrelationId(UUID.randomUUID().toString())
        .setCausationId(UUID.randomUUID().toString())
        .setActor(new Actor("admin-1", PrincipalType.USER))
        .build();
  }

  static DirectoryUser user() {
    return DirectoryUser.newBuilder()
        .setId(USER_ID)
        .setDisplayName("Adele Vance")
        .setUserPrincipalName("adele@contoso.example")
        .setMail("adele@contoso.example")
        .setMailNickname("adele")
        .setAccountEnabled(true)
        .setUserType(UserType.Member)
        .setDepartment("Retail")
        .setJobTitle("Buyer")
        .setManagerId("5f1c7d9e-0000-4000-8000-000000000003")
        .build();
  }

  static DirectoryGroup group() {
    return DirectoryGroup.newBuilder()
        .setId(GROUP_ID)
        .setDisplayName("Retail")
        .setDescription("Retail department")
        .setMailNickname("retail")
        .setSecurityEnabled(true)
        .setMailEnabled(false)
        .setGroupTypes(List.of("Unified"))
        .build();
  }
}
