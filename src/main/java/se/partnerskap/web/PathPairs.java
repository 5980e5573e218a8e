package se.partnerskap.web;

import java.util.List;

/**
 * A module's Swedish and English addresses for the same pages, e.g. {@code /kommunala-partnerskap}
 * and {@code /en/municipal-partnership}; a pair also matches everything below it, so
 * {@code /inbjudan/abc} switches to {@code /en/invitation/abc}.
 */
public record PathPairs(List<Pair> pairs) {

    public record Pair(String sv, String en) {
    }

    public static PathPairs of(String... svThenEn) {
        if (svThenEn.length % 2 != 0) {
            throw new IllegalArgumentException("Give Swedish and English paths in pairs");
        }
        List<Pair> list = new java.util.ArrayList<>();
        for (int i = 0; i < svThenEn.length; i += 2) {
            list.add(new Pair(svThenEn[i], svThenEn[i + 1]));
        }
        return new PathPairs(List.copyOf(list));
    }
}
