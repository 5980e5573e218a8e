package se.partnerskap.grant.internal;

import java.util.List;

/** What is wrong with a field: a message key of the reports bundle and its arguments. */
public record ReportProblem(String message, List<Object> args) {

    public ReportProblem {
        args = List.copyOf(args);
    }

    static ReportProblem of(String message, Object... args) {
        return new ReportProblem(message, List.of(args));
    }
}
