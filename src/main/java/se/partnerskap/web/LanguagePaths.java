package se.partnerskap.web;

import java.util.Comparator;
import java.util.List;

import se.partnerskap.shared.Language;

/** Finds the same page in the other language, for the language switcher. */
public class LanguagePaths {

    private final List<PathPairs.Pair> pairs;

    LanguagePaths(List<PathPairs> all) {
        this.pairs = all.stream().flatMap(p -> p.pairs().stream())
                .sorted(Comparator.comparingInt((PathPairs.Pair p) -> -Math.max(p.sv().length(), p.en().length())))
                .toList();
    }

    /** The path of the same page in {@code target}, keeping what follows a known prefix. */
    public String alternate(String path, Language target) {
        Language current = Language.ofPath(path);
        if (current == target) {
            return path;
        }
        for (PathPairs.Pair pair : pairs) {
            String from = current == Language.SV ? pair.sv() : pair.en();
            String to = current == Language.SV ? pair.en() : pair.sv();
            if (path.equals(from) || path.startsWith(from + "/")) {
                return to + path.substring(from.length());
            }
        }
        if (current == Language.SV) {
            return "/".equals(path) ? "/en" : "/en" + path;
        }
        String rest = path.substring(3);
        return rest.isEmpty() ? "/" : rest;
    }

    /** The path of a page in a language, given its Swedish path. */
    public String in(Language language, String svPath) {
        return language == Language.SV ? svPath : alternate(svPath, Language.EN);
    }
}
