package se.partnerskap.newsroom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** Compares two revisions: the fields that differ, and the body line by line. */
public final class RevisionDiff {

    public record FieldChange(String field, String before, String after) {
    }

    /** A line of the body's comparison: {@code kind} is "same", "removed" or "added". */
    public record Line(String kind, String text) {
    }

    private RevisionDiff() {
    }

    static List<FieldChange> fields(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            if ("body".equals(e.getKey())) {
                continue;
            }
            String b = Objects.toString(before.get(e.getKey()), "");
            String a = Objects.toString(e.getValue(), "");
            if (!a.equals(b)) {
                out.add(new FieldChange(e.getKey(), b, a));
            }
        }
        return out;
    }

    /** The body's HTML broken after each block, compared line by line. */
    static List<Line> body(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; i < d.getSource().getPosition(); i++) {
                out.add(new Line("same", a.get(i)));
            }
            d.getSource().getLines().forEach(l -> out.add(new Line("removed", l)));
            d.getTarget().getLines().forEach(l -> out.add(new Line("added", l)));
            i += d.getSource().size();
        }
        for (; i < a.size(); i++) {
            out.add(new Line("same", a.get(i)));
        }
        return out;
    }

    private static List<String> lines(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return html.replaceAll("(?i)(</(p|h[1-6]|li|ul|ol|blockquote|figure|table|tr)>|<br\\s*/?>)", "$1\n")
                .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
