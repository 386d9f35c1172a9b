package org.quartermaster.platform.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.Parameter;

/**
 * TIMESTAMPTZ columns as Instants: bound in UTC, read back as Instants. The driver maps TIMESTAMPTZ to
 * OffsetDateTime, not Instant, so every store converts at the edge and the rest of the code only sees Instants.
 */
public final class Timestamps {

  private Timestamps() {
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A nullable timestamp parameter: a bare null would leave the driver without a type to bind. */
  public static Parameter utcOrNull(Instant instant) {
    return Parameter.fromOrEmpty(instant == null ? null : utc(instant), OffsetDateTime.class);
  }

  public static Instant read(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
