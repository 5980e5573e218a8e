package se.partnerskap.programme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.partnerskap.shared.Language;

/**
 * A round as applicants and officers work with it: when it is open (with any extension), its money,
 * the partner countries and components it takes, and its extra questions.
 */
public record RoundDetails(UUID id, String programme, String key, String nameSv, String nameEn, Instant opensAt,
        Instant closesAt, Instant extendedUntil, Long budgetSek, Long maxAmountSek, RoundStatus status, boolean continuous,
        boolean onePerLeadAndPartner, List<String> countries, List<String> components, List<Question> questions,
        int version) {

    public String name(Language language) {
        return language.pick(nameSv, nameEn);
    }

    /** The moment the round closes: its extension if it has one. */
    public Instant deadline() {
        return extendedUntil != null && (closesAt == null || extendedUntil.isAfter(closesAt)) ? extendedUntil : closesAt;
    }

    /**
     * Open for submissions at {@code now}: published to applicants and neither closed nor decided, between
     * opening and the deadline, both included. Past its deadline a round is closed even before the scheduled
     * job has marked it so.
     */
    public boolean isOpenAt(Instant now) {
        return status == RoundStatus.OPEN && opensAt != null && deadline() != null
                && !now.isBefore(opensAt) && !now.isAfter(deadline());
    }

    /** Opening the round to applicants: only a draft is opened ({@link RoundStatus#to}). */
    public RoundStatus.Transition open() {
        return status.to(RoundStatus.OPEN);
    }

    /** Closing the round for good: only an open round is closed ({@link RoundStatus#to}). */
    public RoundStatus.Transition close() {
        return status.to(RoundStatus.CLOSED);
    }

    /** Where a round stands, as every page tells it. */
    public enum State {
        /** Not shown to applicants yet. */
        DRAFT,
        /** Published to applicants, opens later. */
        SCHEDULED,
        /** Takes applications. */
        OPEN,
        /** Takes no more applications: closed by an officer, or its deadline has passed. */
        CLOSED,
        /** Its decisions are published. */
        DECIDED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The round's state at {@code now}, from its stored status and its dates. */
    public State stateAt(Instant now) {
        return switch (status) {
            case DRAFT -> State.DRAFT;
            case DECISIONS_PUBLISHED -> State.DECIDED;
            case OPEN -> opensAt != null && now.isBefore(opensAt) ? State.SCHEDULED
                    : isOpenAt(now) ? State.OPEN : State.CLOSED;
            case CLOSED -> State.CLOSED;
        };
    }
}
