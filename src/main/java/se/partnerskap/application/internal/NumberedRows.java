package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.partnerskap.application.internal.Answers;

/**
 * The repeated rows of a section: partner organisations ({@code partner1Name}, {@code partner2Country},
 * ...) and budget lines ({@code line1Amount}, ...). A section has as many rows as its answers number, at
 * least one; a row is added or removed by a plain submit button (works without JavaScript) and the rows
 * after a removed one move up, so that the numbers stay 1..n. {@code cap} bounds what a request may
 * carry; the component's own limit for partners is a rule of {@link SectionRules}.
 */
public enum NumberedRows {
    PARTNER("partner", List.of("Name", "Type", "Country", "ContactName", "ContactEmail"), 10),
    LINE("line", List.of("Category", "Description", "Party", "Amount"), 40);

    private final String prefix;
    private final List<String> parts;
    private final int cap;
    private final Pattern pattern;

    NumberedRows(String prefix, List<String> parts, int cap) {
        this.prefix = prefix;
        this.parts = parts;
        this.cap = cap;
        this.pattern = Pattern.compile(prefix + "([1-9]\\d{0,2})(" + String.join("|", parts) + ")");
    }

    /** The most rows a request may carry. */
    public int cap() {
        return cap;
    }

    public String prefix() {
        return prefix;
    }

    /** The fields of a row, in the form's order: {@code Name}, {@code Type}, ... */
    public List<String> parts() {
        return parts;
    }

    /** The name of a row's field: {@code field(2, "Country")} is {@code partner2Country}. */
    public String field(int row, String part) {
        return prefix + row + part;
    }

    /** The row a field belongs to, if it is one of these rows' fields within the cap. */
    public OptionalInt row(String field) {
        Matcher m = pattern.matcher(field);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n <= cap ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** The row numbers present in {@code answers} (typed, blank or not), in order. */
    public List<Integer> numbers(Map<String, List<String>> answers) {
        TreeSet<Integer> rows = new TreeSet<>();
        answers.keySet().forEach(f -> row(f).ifPresent(rows::add));
        return List.copyOf(rows);
    }

    public List<Integer> numbers(Answers answers) {
        return numbers(answers.fields());
    }

    /** How many rows a form shows: up to the highest number present, at least one. */
    public int count(Answers answers) {
        List<Integer> rows = numbers(answers);
        return rows.isEmpty() ? 1 : rows.getLast();
    }

    /** A blank row after the last one, if the limit allows one more. */
    public Answers add(Answers answers, int limit) {
        int next = count(answers) + 1;
        if (next > Math.min(limit, cap)) {
            return answers;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(answers.fields());
        for (int i = 1; i < next; i++) { // the rows shown so far are kept, blank or not
            for (String part : parts) {
                fields.putIfAbsent(field(i, part), List.of(""));
            }
        }
        parts.forEach(part -> fields.put(field(next, part), List.of("")));
        return new Answers(fields);
    }

    /** Without row {@code row}: the rows after it move up one number; the last row cannot go. */
    public Answers remove(Answers answers, int row) {
        if (row < 1 || row > count(answers) || count(answers) == 1) {
            return answers;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        answers.fields().forEach((f, values) -> {
            OptionalInt n = row(f);
            if (n.isEmpty()) {
                fields.put(f, values);
            } else if (n.getAsInt() < row) {
                fields.put(f, values);
            } else if (n.getAsInt() > row) {
                fields.put(prefix + (n.getAsInt() - 1) + f.substring((prefix + n.getAsInt()).length()), values);
            }
        });
        return new Answers(fields);
    }

    /** The row a "remove" button names ({@code partner2}), if it is one of these rows. */
    public OptionalInt removal(String value) {
        if (value == null || !value.matches(prefix + "[1-9]\\d{0,2}")) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(value.substring(prefix.length()));
        return n <= cap ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
