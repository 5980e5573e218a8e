package se.partnerskap.publicsite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outlines of Sweden's municipalities and regions and of the world's countries, read once at start-up
 * from the GeoJSON in {@code classpath:geo/}, projected, simplified (JTS, Douglas–Peucker preserving each
 * area's topology) to a tolerance invisible at the largest size the page draws them, and turned into SVG path
 * data. Only the highlighting
 * changes with the data, so a page draws a map from these strings without touching the geometry again.
 */
@Component
class MapShapes {

    /** One area of a map: its code (SCB municipality or län code, ISO alpha-2) and its SVG path data. */
    record Shape(String code, String pathData) {
    }

    /**
     * A projected map: its shapes by code, its view box, and the prefix of its shapes' ids in the outlines file
     * ({@link MapOutlines}: {@code m0180}, {@code r09}, {@code wKE}).
     */
    record Layer(Map<String, Shape> shapes, String viewBox, String idPrefix) {

        String id(String code) {
            return idPrefix + code;
        }
    }

    /** Sweden: x = lon·cos(62°), y = −lat; 100 units a degree, so a whole unit is about a kilometre. */
    private static final double SWEDEN_SCALE = 100;
    private static final double SWEDEN_COS = Math.cos(Math.toRadians(62));
    /** The world, equirectangular: 3 units a degree, Antarctica left out. */
    private static final double WORLD_SCALE = 3;

    /**
     * The largest width (CSS pixels) a map of Sweden is drawn at: beside its table at the page's full width, 2/5
     * of 68rem less 2rem of padding and the 1.5rem gap (site.css, .map-pair), about 909 pixels tall. Alone in the
     * narrow layout it may be wider, but its height is capped at 80vh, so it is not drawn larger on any common
     * screen (below 1 140 pixels of window height).
     */
    static final double SWEDEN_DRAWN_PX = 413;
    /** The world map's largest width: the page's content width (68rem less 2rem of padding). */
    static final double WORLD_DRAWN_PX = 1056;
    /**
     * How far a simplified outline may stray from the true one, in CSS pixels at the largest drawn size:
     * half a pixel, the width of the outlines' stroke (site.css), below what the eye tells apart at that size;
     * the rounding to whole units adds at most half a unit (a third of a pixel for Sweden, half one for the world).
     */
    static final double TOLERANCE_PX = 0.5;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Layer municipalities;
    private final Layer regions;
    private final Layer world;

    MapShapes(JsonMapper json) {
        this.municipalities = layer(json, "geo/se-municipalities.geojson", "id", SWEDEN_SCALE * SWEDEN_COS,
                SWEDEN_SCALE, Set.of(), SWEDEN_DRAWN_PX, "m");
        this.regions = layer(json, "geo/se-regions.geojson", "lan_code", SWEDEN_SCALE * SWEDEN_COS, SWEDEN_SCALE,
                Set.of(), SWEDEN_DRAWN_PX, "r");
        this.world = layer(json, "geo/world-countries-110m.geojson", "iso2", WORLD_SCALE, WORLD_SCALE, Set.of("AQ"),
                WORLD_DRAWN_PX, "w");
    }

    Layer municipalities() {
        return municipalities;
    }

    Layer regions() {
        return regions;
    }

    Layer world() {
        return world;
    }

    private static Layer layer(JsonMapper json, String resource, String codeProperty, double sx, double sy,
            Set<String> leftOut, double drawnWidthPx, String idPrefix) {
        JsonNode root;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the map geometry " + resource, e);
        }
        // projected, not yet rounded: the simplification works on the true outlines
        Map<String, List<Geometry>> outlines = new LinkedHashMap<>();
        Envelope extent = new Envelope();
        for (JsonNode feature : root.get("features")) {
            JsonNode code = feature.get("properties").get(codeProperty);
            if (code == null || code.isNull() || leftOut.contains(code.asString())) {
                continue;
            }
            JsonNode geometry = feature.get("geometry");
            List<JsonNode> polygons = new ArrayList<>();
            if ("Polygon".equals(geometry.get("type").asString())) {
                polygons.add(geometry.get("coordinates"));
            } else {
                geometry.get("coordinates").forEach(polygons::add);
            }
            for (JsonNode polygon : polygons) {
                Geometry projected = polygon(polygon, sx, sy);
                if (projected == null) {
                    continue;
                }
                extent.expandToInclude(projected.getEnvelopeInternal());
                outlines.computeIfAbsent(code.asString(), c -> new ArrayList<>()).add(projected);
            }
        }
        double tolerance = tolerance(extent.getWidth(), drawnWidthPx);
        Bounds bounds = new Bounds();
        Map<String, List<List<long[]>>> projected = new LinkedHashMap<>();
        outlines.forEach((code, polygons) -> {
            List<List<long[]>> rings = new ArrayList<>();
            for (Geometry polygon : polygons) {
                Geometry simple = TopologyPreservingSimplifier.simplify(polygon, tolerance);
                for (int i = 0; i < simple.getNumGeometries(); i++) {
                    Polygon part = (Polygon) simple.getGeometryN(i);
                    addRing(rings, part.getExteriorRing(), bounds);
                    for (int h = 0; h < part.getNumInteriorRing(); h++) {
                        addRing(rings, part.getInteriorRingN(h), bounds);
                    }
                }
            }
            projected.put(code, rings);
        });
        Map<String, Shape> shapes = new LinkedHashMap<>();
        projected.forEach((code, rings) -> shapes.put(code, new Shape(code, pathData(rings, bounds))));
        long pad = 2;
        return new Layer(Collections.unmodifiableMap(shapes), "0 0 " + (bounds.maxX - bounds.minX + 2 * pad) + " "
                + (bounds.maxY - bounds.minY + 2 * pad), idPrefix);
    }

    /**
     * The largest deviation from the true outline (in map units) that stays {@value #TOLERANCE_PX} of a CSS pixel
     * when the map, {@code width} units wide, is drawn {@code drawnWidthPx} wide (its largest drawn size).
     */
    static double tolerance(double width, double drawnWidthPx) {
        return TOLERANCE_PX * width / drawnWidthPx;
    }

    /** A GeoJSON polygon (its outer ring, then its holes), projected; null without an outer ring. */
    private static Polygon polygon(JsonNode polygon, double sx, double sy) {
        List<LinearRing> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            List<Coordinate> points = new ArrayList<>();
            for (JsonNode position : ring) {
                points.add(new Coordinate(position.get(0).asDouble() * sx, -position.get(1).asDouble() * sy));
            }
            if (!points.getFirst().equals2D(points.getLast())) {
                points.add(points.getFirst().copy());
            }
            if (points.size() >= 4) {
                rings.add(GEOMETRY.createLinearRing(points.toArray(Coordinate[]::new)));
            }
        }
        if (rings.isEmpty()) {
            return null;
        }
        return GEOMETRY.createPolygon(rings.getFirst(), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    /** A ring rounded to whole units, repeated points dropped; kept when it still has an area (three points). */
    private static void addRing(List<List<long[]>> rings, LineString ring, Bounds bounds) {
        List<long[]> points = new ArrayList<>();
        Coordinate[] coordinates = ring.getCoordinates();
        // a closed ring repeats its first point last: the path's z closes it
        for (int i = 0; i < coordinates.length - 1; i++) {
            long x = Math.round(coordinates[i].x);
            long y = Math.round(coordinates[i].y);
            long[] last = points.isEmpty() ? null : points.getLast();
            if (last == null || last[0] != x || last[1] != y) {
                points.add(new long[] {x, y});
            }
        }
        if (points.size() >= 3) {
            points.forEach(p -> bounds.add(p[0], p[1]));
            rings.add(points);
        }
    }

    /**
     * Relative path commands from the view box's corner: an absolute move, then short relative lines, in SVG's
     * compact syntax (no space before a minus sign: "l3-2-1 4").
     */
    private static String pathData(List<List<long[]>> rings, Bounds b) {
        StringBuilder d = new StringBuilder();
        long pad = 2;
        for (List<long[]> ring : rings) {
            long px = 0;
            long py = 0;
            boolean first = true;
            for (long[] p : ring) {
                long x = p[0] - b.minX + pad;
                long y = p[1] - b.minY + pad;
                if (first) {
                    d.append('M').append(x).append(' ').append(y).append('l');
                    first = false;
                } else {
                    number(d, x - px);
                    number(d, y - py);
                }
                px = x;
                py = y;
            }
            d.append('z');
        }
        return d.toString();
    }

    /** A number after a command letter or another number: a space between two only where no minus sign parts them. */
    private static void number(StringBuilder d, long n) {
        if (n >= 0 && Character.isDigit(d.charAt(d.length() - 1))) {
            d.append(' ');
        }
        d.append(n);
    }

    private static final class Bounds {
        long minX = Long.MAX_VALUE;
        long minY = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        long maxY = Long.MIN_VALUE;

        void add(long x, long y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
    }
}
