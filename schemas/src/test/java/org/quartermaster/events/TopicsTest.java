package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.UserDeleted;

class TopicsTest {

  @Test
  void topicNamesAreUnique() {
    assertThat(Topics.all()).extracting(TopicSpec::name).doesNotHaveDuplicates();
  }

  @Test
  void everyEventTypeBelongsToExactlyOneTopic() {
    assertThat(Topics.eventTypes()).doesNotHaveDuplicates();
    for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
      assertThat(Topics.all().stream().filter(topic -> topic.carries(type))).as(type.getName()).hasSize(1);
    }
  }

  @Test
  void everyAvroRecordWithMetadataIsDeclaredOnATopic() throws IOException {
    // Derived from the .avsc sources, independently of Topics, so a new event cannot be forgotten there.
    assertThat(eventTypesInAvroSources())
        .containsExactlyInAnyOrderElementsOf(Topics.eventTypes().stream().map(Class::getName).toList());
  }

  @Test
  void knowsTheTopicOfAnEventType() {
    assertThat(Topics.topicOf(UserDeleted.class)).isSameAs(Topics.DIRECTORY_USERS);
    assertThat(Topics.topicOf(GroupMemberAdded.class)).isSameAs(Topics.DIRECTORY_GROUPS);
    assertThat(Topics.topicOf(CatalogResourceAdded.class)).isSameAs(Topics.CATALOG_CATALOGS);
    assertThat(Topics.topicOf(AccessPackageResourceRoleScopeAdded.class)).isSameAs(Topics.CATALOG_ACCESS_PACKAGES);
    assertThatThrownBy(() -> Topics.topicOf(EventMetadata.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void qualifiesNamesWithATestPrefix() {
    assertThat(Topics.qualified("", Topics.DIRECTORY_USERS)).isEqualTo("quartermaster.directory.users");
    assertThat(Topics.qualified(null, Topics.DIRECTORY_USERS)).isEqualTo("quartermaster.directory.users");
    assertThat(Topics.qualified("t42", Topics.DIRECTORY_GROUPS)).isEqualTo("t42.quartermaster.directory.groups");
    assertThat(Topics.qualified("t42.", Topics.DIRECTORY_GROUPS)).isEqualTo("t42.quartermaster.directory.groups");
    assertThatThrownBy(() -> Topics.qualified("bad prefix", Topics.DIRECTORY_USERS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topicSpecIsImmutableAndValidated() {
    assertThatThrownBy(() -> Topics.DIRECTORY_USERS.eventTypes().add(UserDeleted.class))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new TopicSpec("has space", "k", List.of(UserDeleted.class)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicSpec("empty", "k", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** Parses src/main/avro the way avro-maven-plugin does: one parser, so cross-file type references resolve. */
  private static List<String> eventTypesInAvroSources() throws IOException {
    SchemaParser parser = new SchemaParser();
    try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
      for (Path file : files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList()) {
        parser.parse(file);
      }
    }
    return parser.getParsedNamedSchemas().stream()
        .filter(schema -> schema.getType() == Schema.Type.RECORD && schema.getField("metadata") != null)
        .map(Schema::getFullName)
        .toList();
  }
}
