package org.quartermaster.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chained decisions keep every event, in order, and end in the last decision's state. */
class ChangeTest {

  @Test
  void andThenKeepsBothEventsInOrderAndTheNextState() {
    Change<String, String> created = Change.of("created", "Created");
    Change<String, String> approved = new Change<>("approved", List.of("Approved", "DeliveryRequested"));

    Change<String, String> both = created.andThen(approved);

    assertThat(both.state()).isEqualTo("approved");
    assertThat(both.events()).containsExactly("Created", "Approved", "DeliveryRequested");
    assertThat(created.events()).containsExactly("Created");
    assertThat(approved.events()).containsExactly("Approved", "DeliveryRequested");
  }

  @Test
  void andThenWithoutEventsOnEitherSide() {
    Change<String, String> created = Change.of("created", "Created");

    Change<String, String> stillWaiting = created.andThen(Change.none("waiting"));
    assertThat(stillWaiting.state()).isEqualTo("waiting");
    assertThat(stillWaiting.events()).containsExactly("Created");

    Change<String, String> fromNothing = Change.<String, String>none("created").andThen(Change.of("approved", "Approved"));
    assertThat(fromNothing.state()).isEqualTo("approved");
    assertThat(fromNothing.events()).containsExactly("Approved");

    Change<String, String> nothing = Change.<String, String>none("a").andThen(Change.none("b"));
    assertThat(nothing.state()).isEqualTo("b");
    assertThat(nothing.changed()).isFalse();
  }
}
