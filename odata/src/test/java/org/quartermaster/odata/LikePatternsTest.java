package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void escapesTheThreeLikeMetacharacters() {
        assertThat(LikePatterns.escape("100%")).isEqualTo("100\\%");
        assertThat(LikePatterns.escape("a_b")).isEqualTo("a\\_b");
        assertThat(LikePatterns.escape("C:\\temp")).isEqualTo("C:\\\\temp");
        assertThat(LikePatterns.escape("\\%_")).isEqualTo("\\\\\\%\\_");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(LikePatterns.escape("Sales & Marketing [EU] *")).isEqualTo("Sales & Marketing [EU] *");
        assertThat(LikePatterns.escape("")).isEmpty();
    }

    @Test
    void addsWildcardsPerFunction() {
        assertThat(LikePatterns.startsWith("a%")).isEqualTo("a\\%%");
        assertThat(LikePatterns.endsWith("a%")).isEqualTo("%a\\%");
        assertThat(LikePatterns.contains("a%")).isEqualTo("%a\\%%");
    }
}
