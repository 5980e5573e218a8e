package se.partnerskap.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scores and comments a review form posts, by criterion key ({@code score-<key>}, {@code comment-<key>}). */
record ScoreSheet(Map<String, String> scores, Map<String, String> comments) {

    static ScoreSheet of(Map<String, String> params) {
        Map<String, String> scores = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("score-")) {
                scores.put(k.substring(6), v);
            } else if (k.startsWith("comment-")) {
                comments.put(k.substring(8), v);
            }
        });
        return new ScoreSheet(scores, comments);
    }
}
