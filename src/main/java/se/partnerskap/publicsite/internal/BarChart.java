package se.partnerskap.publicsite.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG: a group per row (its label above its bars), a bar per series,
 * each bar with its value written beside it, and every series told apart by its fill pattern (solid, hatched,
 * dotted) as well as by its colour, so that it reads in black and white and without colour vision. The template
 * ({@code publicsite/statistics-chart.jte}) writes the SVG from these coordinates; the figures are in the table
 * beside the chart, which is what a screen reader reads (the SVG itself is one image with a title and a
 * description).
 */
public record BarChart(String id, String title, String description, int width, int height, List<Series> series,
        List<Group> groups) {

    static final int WIDTH = 640;
    private static final int LABEL = 20;
    private static final int BAR = 14;
    private static final int GAP = 3;
    private static final int AFTER_GROUP = 14;
    /** Room on the right of the longest bar for its value. */
    private static final int VALUE_ROOM = 150;

    /** A series: its legend text and its pattern ({@code solid}, {@code hatched} or {@code dotted}). */
    public record Series(String name, String pattern) {
    }

    /** A value of one series in a group; {@code text} null for "not known" (no bar is drawn). */
    record Value(long value, String text) {
    }

    public record Bar(String pattern, int x, int y, int width, int height, String text, int textX, int textY) {
    }

    public record Group(String label, int labelY, List<Bar> bars) {
    }

    /** A group as the caller gives it: its label and one value per series. */
    record Input(String label, List<Value> values) {
    }

    static BarChart of(String id, String title, String description, List<Series> series, List<Input> rows) {
        long max = 1;
        for (Input r : rows) {
            for (Value v : r.values()) {
                if (v.text() != null) {
                    max = Math.max(max, v.value());
                }
            }
        }
        int room = WIDTH - VALUE_ROOM;
        List<Group> groups = new ArrayList<>();
        int y = 0;
        for (Input r : rows) {
            int labelY = y + LABEL - 6;
            y += LABEL;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                Value v = i < r.values().size() ? r.values().get(i) : new Value(0, null);
                String text = v.text() == null ? "–" : v.text();
                int w = v.text() == null || v.value() <= 0 ? 0 : (int) Math.max(1, Math.round((double) v.value() * room / max));
                bars.add(new Bar(series.get(i).pattern(), 0, y, w, BAR, text, w + 6, y + BAR - 3));
                y += BAR + GAP;
            }
            groups.add(new Group(r.label(), labelY, bars));
            y += AFTER_GROUP - GAP;
        }
        return new BarChart(id, title, description, WIDTH, Math.max(y, 1), series, groups);
    }
}
