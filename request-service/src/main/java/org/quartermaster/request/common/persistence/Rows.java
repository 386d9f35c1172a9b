package org.quartermaster.request.common.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.Parameter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Conversions every store needs: timestamps in UTC, nullable parameters, and the JSON of this service's own documents. */
public final class Rows {

  /**
   * Reads and writes the JSON documents this service stores for itself. Lenient on read, because a document written by an
   * older version of a record may carry a property the current one dropped.
   */
  public static final JsonMapper DOCUMENTS = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Rows() {
  }

  public static Parameter utc(Instant instant) {
    return Parameter.fromOrEmpty(instant == null ? null : instant.atOffset(ZoneOffset.UTC), OffsetDateTime.class);
  }

  public static Parameter text(String value) {
    return Parameter.fromOrEmpty(value, String.class);
  }

  public static Parameter uuid(UUID value) {
    return Parameter.fromOrEmpty(value, UUID.class);
  }

  public static Instant instant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
