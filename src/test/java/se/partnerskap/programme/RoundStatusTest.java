package se.partnerskap.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

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
    void aRoundIsOpenedOnlyAsADraftAndClosedOnlyWhenOpen() {
        assertThat(round(RoundStatus.DRAFT).open()).isEqualTo(new RoundStatus.Transition(RoundStatus.DRAFT, RoundStatus.OPEN));
        assertThat(round(RoundStatus.OPEN).close()).isEqualTo(new RoundStatus.Transition(RoundStatus.OPEN, RoundStatus.CLOSED));
        assertThatThrownBy(() -> round(RoundStatus.CLOSED).open()).isInstanceOf(RoundManagement.NotAllowed.class);
        assertThatThrownBy(() -> round(RoundStatus.DRAFT).close()).isInstanceOf(RoundManagement.NotAllowed.class);
        assertThatThrownBy(() -> round(RoundStatus.DECISIONS_PUBLISHED).close()).isInstanceOf(RoundManagement.NotAllowed.class);
    }

    private static RoundDetails round(RoundStatus status) {
        return new RoundDetails(UUID.randomUUID(), "municipal-partnership", "2027-1", "Omgång", "Round", null, null, null,
                null, null, status, false, false, List.of(), List.of(), List.of(), 0);
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
