package se.partnerskap.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A round's life goes one way, one step at a time, and its stored keys stay what the database holds. */
class RoundStatusTest {

    @Test
    void aRoundMovesOnlyToItsNextStep() {
        assertThat(RoundStatus.DRAFT.canBecome(RoundStatus.OPEN)).isTrue();
        assertThat(RoundStatus.OPEN.canBecome(RoundStatus.CLOSED)).isTrue();
        assertThat(RoundStatus.CLOSED.canBecome(RoundStatus.DECISIONS_PUBLISHED)).isTrue();

        assertThat(RoundStatus.DRAFT.canBecome(RoundStatus.CLOSED)).isFalse();
        assertThat(RoundStatus.OPEN.canBecome(RoundStatus.DRAFT)).isFalse();
        assertThat(RoundStatus.CLOSED.canBecome(RoundStatus.OPEN)).isFalse();
        assertThat(RoundStatus.DECISIONS_PUBLISHED.canBecome(RoundStatus.CLOSED)).isFalse();
        for (RoundStatus s : RoundStatus.values()) {
            assertThat(s.canBecome(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void theKeysAreThoseInTheDatabaseAndUnknownOnesAreRefused() {
        assertThat(RoundStatus.ofKey("draft")).isEqualTo(RoundStatus.DRAFT);
        assertThat(RoundStatus.ofKey("open")).isEqualTo(RoundStatus.OPEN);
        assertThat(RoundStatus.ofKey("closed")).isEqualTo(RoundStatus.CLOSED);
        assertThat(RoundStatus.ofKey("published")).isEqualTo(RoundStatus.DECISIONS_PUBLISHED);
        assertThatThrownBy(() -> RoundStatus.ofKey("decided")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoundStatus.CLOSED.isPast()).isTrue();
        assertThat(RoundStatus.DECISIONS_PUBLISHED.isPast()).isTrue();
        assertThat(RoundStatus.OPEN.isPast()).isFalse();
    }
}
