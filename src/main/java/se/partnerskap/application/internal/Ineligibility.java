package se.partnerskap.application.internal;

import java.util.List;

/**
 * A rule of eligibility that an application fails at submission: {@code rule} names it
 * (organisation-kind, partner-country, amount-component, amount-round, incomplete, duplicate, previous-grant),
 * {@code message} is a key of the submission bundle with its {@code args} (a section's title as its
 * {@link Section.Texts}), and {@code section} the
 * section to change to put it right (null when there is none).
 */
public record Ineligibility(String rule, String message, List<Object> args, Section section) {

    public Ineligibility {
        args = List.copyOf(args);
    }
}
