package org.quartermaster.extension.common.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.Parameter;

/** TIMESTAMPTZ columns as Instants: bound in UTC, read back as Instants. */
public final class Timestamps {

  private Timestamps() {
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public static Parameter utcOrNull(Instant instant) {
    return Parameter.fromOrEmpty(instant == null ? null : utc(instant), OffsetDateTime.class);
  }

  public static Instant read(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
