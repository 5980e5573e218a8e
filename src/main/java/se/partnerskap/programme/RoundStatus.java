package se.partnerskap.programme;

import java.util.Arrays;

/**
 * A round's life as it is stored: prepared by an officer, opened to applicants, closed (by an officer, or by
 * its deadline), and its decisions published. Only these steps, in this order
 * ({@link RoundManagement#open}, {@link RoundManagement#close}, decisions published by assessment). How a round
 * stands at a given moment — scheduled, open, past its deadline — also depends on its dates:
 * {@link RoundDetails#stateAt}.
 */
public enum RoundStatus {

    /** Being prepared: not shown to applicants. */
    DRAFT("draft"),
    /** Opened to applicants: takes applications between its opening and its deadline. */
    OPEN("open"),
    /** Takes no more applications; assessment goes on. */
    CLOSED("closed"),
    /** Its decisions were published (announced to applicants and the public): the round is over. */
    DECISIONS_PUBLISHED("published");

    private final String key;

    RoundStatus(String key) {
        this.key = key;
    }

    /** The value in the database ({@code round.status}) and in the audit log. */
    public String key() {
        return key;
    }

    /** Whether this status may be followed by {@code next}: only the next step of the life above. */
    public boolean canBecome(RoundStatus next) {
        return next.ordinal() == ordinal() + 1;
    }

    /** A step of a round's life: from the status it had to the one it takes. */
    public record Transition(RoundStatus from, RoundStatus to) {
    }

    /**
     * The step to {@code next}; refused ({@link RoundManagement.NotAllowed}) unless it is this status's next step,
     * so a closed round is never opened again, nor a draft closed.
     */
    public Transition to(RoundStatus next) {
        if (!canBecome(next)) {
            throw new RoundManagement.NotAllowed("A " + this + " round cannot become " + next);
        }
        return new Transition(this, next);
    }

    /** Closed or decided: a round of the past, as the public pages list them. */
    public boolean isPast() {
        return this == CLOSED || this == DECISIONS_PUBLISHED;
    }

    public static RoundStatus ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown round status: " + key));
    }

    /** Its key, as the messages and logs named it before there was this type. */
    @Override
    public String toString() {
        return key;
    }
}
