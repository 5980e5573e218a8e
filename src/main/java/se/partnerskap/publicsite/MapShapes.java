package se.partnerskap.publicsite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outlines of Sweden's municipalities and regions and of the world's countries, read once at start-up
 * from the GeoJSON in {@code classpath:geo/}, projected and turned into SVG path data. Only the highlighting
 * changes with the data, so a page draws a map from these strings without touching the geometry again.
 */
@Component
class MapShapes {

    /** One area of a map: its code (SCB municipality or län code, ISO alpha-2) and its SVG path data. */
    record Shape(String code, String pathData) {
    }

    /** A projected map: its shapes by code and its view box. */
    record Layer(Map<String, Shape> shapes, String viewBox) {
    }

    /** Sweden: x = lon·cos(62°), y = −lat; 100 units a degree, so a whole unit is about a kilometre. */
    private static final double SWEDEN_SCALE = 100;
    private static final double SWEDEN_COS = Math.cos(Math.toRadians(62));
    /** The world, equirectangular: 3 units a degree, Antarctica left out. */
    private static final double WORLD_SCALE = 3;

    private final Layer municipalities;
    private final Layer regions;
    private final Layer world;

    MapShapes(JsonMapper json) {
        this.municipalities = layer(json, "geo/se-municipalities.geojson", "id", SWEDEN_SCALE * SWEDEN_COS,
                SWEDEN_SCALE, Set.of());
        this.regions = layer(json, "geo/se-regions.geojson", "lan_code", SWEDEN_SCALE * SWEDEN_COS, SWEDEN_SCALE,
                Set.of());
        this.world = layer(json, "geo/world-countries-110m.geojson", "iso2", WORLD_SCALE, WORLD_SCALE, Set.of("AQ"));
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
            Set<String> leftOut) {
        JsonNode root;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the map geometry " + resource, e);
        }
        Bounds bounds = new Bounds();
        Map<String, List<List<long[]>>> projected = new LinkedHashMap<>();
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
            List<List<long[]>> rings = new ArrayList<>();
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    List<long[]> points = new ArrayList<>();
                    for (JsonNode position : ring) {
                        long x = Math.round(position.get(0).asDouble() * sx);
                        long y = Math.round(-position.get(1).asDouble() * sy);
                        long[] last = points.isEmpty() ? null : points.getLast();
                        if (last == null || last[0] != x || last[1] != y) {
                            points.add(new long[] {x, y});
                            bounds.add(x, y);
                        }
                    }
                    if (points.size() >= 3) {
                        rings.add(points);
                    }
                }
            }
            projected.computeIfAbsent(code.asString(), c -> new ArrayList<>()).addAll(rings);
        }
        Map<String, Shape> shapes = new LinkedHashMap<>();
        projected.forEach((code, rings) -> shapes.put(code, new Shape(code, pathData(rings, bounds))));
        long pad = 2;
        return new Layer(Collections.unmodifiableMap(shapes), "0 0 " + (bounds.maxX - bounds.minX + 2 * pad) + " "
                + (bounds.maxY - bounds.minY + 2 * pad));
    }

    /** Relative path commands from the view box's corner: an absolute move, then short relative lines. */
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
                    d.append(x - px).append(' ').append(y - py).append(' ');
                }
                px = x;
                py = y;
            }
            d.setLength(d.length() - 1);
            d.append('z');
        }
        return d.toString();
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
