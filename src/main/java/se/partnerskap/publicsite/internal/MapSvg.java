package se.partnerskap.publicsite.internal;

import java.util.Map;

/**
 * Draws one map as inline SVG from the cached shapes: every area with its name as {@code <title>}; the
 * highlighted ones a {@code <path>}, hatched and outlined (not told apart by colour alone) and drawn last so
 * that their outline lies on top; the others a {@code <use>} of their outline in the shared, versioned outlines
 * file ({@link MapOutlines}), which the browser loads once.
 */
final class MapSvg {

    static final String PLAIN_FILL = "#e3e8ec";
    static final String HATCH_GROUND = "#1d4f7a";

    private MapSvg() {
    }

    /**
     * @param id     unique on the page; prefixes the ids of the title and the pattern
     * @param titles the accessible name of every area, by code
     * @param marked the highlighted areas' codes
     * @param outlinesUrl the address of the outlines file the plain areas refer to
     */
    static String draw(String id, MapShapes.Layer layer, String title, Map<String, String> titles,
            java.util.Set<String> marked, String outlinesUrl) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"").append(layer.viewBox())
                .append("\" fill=\"").append(PLAIN_FILL).append("\" fill-rule=\"evenodd\" role=\"group\" aria-labelledby=\"").append(id).append("-title\" id=\"").append(id)
                .append("\"><title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<defs>").append(pattern(id + "-hatch")).append("</defs>");
        for (boolean highlighted : new boolean[] {false, true}) {
            for (MapShapes.Shape shape : layer.shapes().values()) {
                if (marked.contains(shape.code()) != highlighted) {
                    continue;
                }
                String name = escape(titles.getOrDefault(shape.code(), shape.code()));
                if (highlighted) {
                    svg.append("<path d=\"").append(shape.pathData()).append("\" fill=\"url(#").append(id)
                            .append("-hatch)\" class=\"area on\" data-code=\"").append(escape(shape.code()))
                            .append("\"><title>").append(name).append("</title></path>");
                } else {
                    // the plain fill and the fill rule are the svg's, inherited: written once, not for every area
                    svg.append("<use href=\"").append(outlinesUrl).append('#').append(layer.id(shape.code()))
                            .append("\" class=\"area\" data-code=\"").append(escape(shape.code()))
                            .append("\"><title>").append(name).append("</title></use>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A small sample of the highlighting, for the legend; decorative, the legend's text says it. */
    static String legendSwatch(String id) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"28\" height=\"18\" viewBox=\"0 0 28 18\""
                + " aria-hidden=\"true\" focusable=\"false\"><defs>" + pattern(id) + "</defs>"
                + "<rect x=\"1\" y=\"1\" width=\"26\" height=\"16\" fill=\"url(#" + id + ")\" stroke=\"#000\" stroke-width=\"2\"/></svg>";
    }

    /** Dark blue with light diagonal stripes: 7:1 against the plain fill, and a texture, not only a colour. */
    private static String pattern(String id) {
        return "<pattern id=\"" + id + "\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"" + HATCH_GROUND + "\"/>"
                + "<rect width=\"1.5\" height=\"5\" fill=\"#ffffff\"/></pattern>";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
