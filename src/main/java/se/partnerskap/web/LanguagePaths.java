package se.partnerskap.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.partnerskap.shared.Language;

/** Finds the same page in the other language, for the language switcher and for every link. */
public class LanguagePaths {

    /** A prefix pair with the words below it, in both directions. */
    private record Prefix(String sv, String en, Map<String, String> toEn, Map<String, String> toSv) {
    }

    private final List<Prefix> prefixes;

    LanguagePaths(List<PathPairs> all) {
        // two modules may share a prefix (applications and submission): their words are merged
        Map<PathPairs.Pair, Map<String, String>> toEn = new LinkedHashMap<>();
        Map<PathPairs.Pair, Map<String, String>> toSv = new LinkedHashMap<>();
        for (PathPairs p : all) {
            for (PathPairs.Pair pair : p.pairs()) {
                Map<String, String> en = toEn.computeIfAbsent(pair, k -> new HashMap<>());
                Map<String, String> sv = toSv.computeIfAbsent(pair, k -> new HashMap<>());
                for (PathPairs.Pair s : p.segments()) {
                    en.putIfAbsent(s.sv(), s.en());
                    sv.putIfAbsent(s.en(), s.sv());
                }
            }
        }
        this.prefixes = toEn.keySet().stream()
                .map(pair -> new Prefix(pair.sv(), pair.en(), Map.copyOf(toEn.get(pair)), Map.copyOf(toSv.get(pair))))
                .sorted(Comparator.comparingInt((Prefix p) -> -Math.max(p.sv().length(), p.en().length()))).toList();
    }

    /**
     * The path of the same page in {@code target}: a known prefix and the known words below it translated,
     * the rest (ids, slugs of content) kept.
     */
    public String alternate(String path, Language target) {
        Language current = Language.ofPath(path);
        if (current == target) {
            return path;
        }
        for (Prefix prefix : prefixes) {
            String from = current == Language.SV ? prefix.sv() : prefix.en();
            String to = current == Language.SV ? prefix.en() : prefix.sv();
            if (path.equals(from) || path.startsWith(from + "/")) {
                return to + translate(path.substring(from.length()), current == Language.SV ? prefix.toEn() : prefix.toSv());
            }
        }
        if (current == Language.SV) {
            return "/".equals(path) ? "/en" : "/en" + path;
        }
        String rest = path.substring(3);
        return rest.isEmpty() ? "/" : rest;
    }

    /** "/{id}/utmaning" with utmaning → challenge: "/{id}/challenge"; a query string is kept as it is. */
    private static String translate(String rest, Map<String, String> words) {
        if (words.isEmpty() || rest.isEmpty()) {
            return rest;
        }
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q);
        String[] parts = (q < 0 ? rest : rest.substring(0, q)).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = words.getOrDefault(parts[i], parts[i]);
        }
        return String.join("/", parts) + query;
    }

    /** The path of a page in a language, given its Swedish path. */
    public String in(Language language, String svPath) {
        return language == Language.SV ? svPath : alternate(svPath, Language.EN);
    }
}
