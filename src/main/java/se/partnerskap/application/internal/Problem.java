package se.partnerskap.application.internal;

import java.util.List;

/** What is wrong with a field: a message key of the application bundle and its arguments. */
public record Problem(String message, List<Object> args) {

    public static Problem of(String message, Object... args) {
        return new Problem(message, List.of(args));
    }
}
