package se.partnerskap.application.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section's answers exactly as typed: field name to values (several for checkboxes and choices).
 * Kept as text so that nothing a user typed is changed by storing it; the section's rules say what
 * is valid.
 */
public record Answers(Map<String, List<String>> fields) {

    public static final Answers EMPTY = new Answers(Map.of());

    public Answers {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of a field, trimmed of nothing; "" when absent. */
    public String one(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    public List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public boolean has(String field, String value) {
        return all(field).contains(value);
    }

    /** Nothing typed at all. */
    public boolean blank() {
        return fields.values().stream().flatMap(List::stream).allMatch(String::isBlank);
    }

    /** Only the fields a section knows, so that nothing else in a request is stored. */
    public Answers only(java.util.function.Predicate<String> known) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (known.test(k)) {
                kept.put(k, v);
            }
        });
        return new Answers(kept);
    }
}
