package se.partnerskap.web;

import java.util.List;

/**
 * A module's Swedish and English addresses for the same pages, e.g. {@code /kommunala-partnerskap}
 * and {@code /en/municipal-partnership}; a pair also matches everything below it, so
 * {@code /inbjudan/abc} switches to {@code /en/invitation/abc}. {@code segments} are the module's words
 * below its prefixes, translated one path segment at a time ({@code utmaning} ↔ {@code challenge}), so
 * that an English page has English paths all the way down.
 */
public record PathPairs(List<Pair> pairs, List<Pair> segments) {

    public record Pair(String sv, String en) {
    }

    public PathPairs {
        pairs = List.copyOf(pairs);
        segments = List.copyOf(segments);
    }

    public PathPairs(List<Pair> pairs) {
        this(pairs, List.of());
    }

    public static PathPairs of(String... svThenEn) {
        return new PathPairs(list(svThenEn));
    }

    /** These pairs with the words below them, Swedish then English ({@code "utmaning", "challenge"}). */
    public PathPairs withSegments(String... svThenEn) {
        return new PathPairs(pairs, list(svThenEn));
    }

    private static List<Pair> list(String... svThenEn) {
        if (svThenEn.length % 2 != 0) {
            throw new IllegalArgumentException("Give Swedish and English paths in pairs");
        }
        List<Pair> list = new java.util.ArrayList<>();
        for (int i = 0; i < svThenEn.length; i += 2) {
            list.add(new Pair(svThenEn[i], svThenEn[i + 1]));
        }
        return List.copyOf(list);
    }
}
