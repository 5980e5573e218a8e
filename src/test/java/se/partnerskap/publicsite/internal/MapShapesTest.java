package se.partnerskap.publicsite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The outlines are simplified to what the drawn size shows, and not one area is lost on the way. */
class MapShapesTest {

    private final MapShapes shapes = new MapShapes(JsonMapper.builder().build());

    @Test
    void everyAreaIsStillDrawnWithAnOutline() {
        assertThat(shapes.municipalities().shapes()).hasSize(290);
        assertThat(shapes.regions().shapes()).hasSize(21);
        assertThat(shapes.world().shapes()).hasSizeGreaterThan(170);
        for (MapShapes.Layer layer : new MapShapes.Layer[] {shapes.municipalities(), shapes.regions(), shapes.world()}) {
            assertThat(layer.shapes().values()).allSatisfy(shape -> assertThat(shape.pathData()).startsWith("M").endsWith("z"));
        }
        // Gotland, an island, and Stockholm's archipelago municipality keep their outlines
        assertThat(shapes.municipalities().shapes().get("0980").pathData()).hasSizeGreaterThan(50);
        assertThat(shapes.municipalities().shapes().get("0188").pathData()).hasSizeGreaterThan(50);
    }

    @Test
    void theOutlinesCarryFarLessDataThanTheSourceResolution() {
        // measured: 147 000 characters of path data rounded to whole units, 71 800 simplified
        assertThat(size(shapes.municipalities()) + size(shapes.regions()) + size(shapes.world())).isLessThan(80_000);
    }

    @Test
    void theToleranceIsAFractionOfAPixelAtTheLargestDrawnSize() {
        double width = 625; // units: Sweden's view box
        double tolerance = MapShapes.tolerance(width, MapShapes.SWEDEN_DRAWN_PX);
        assertThat(tolerance / (width / MapShapes.SWEDEN_DRAWN_PX)).isEqualTo(MapShapes.TOLERANCE_PX).isLessThan(1);
    }

    private static int size(MapShapes.Layer layer) {
        return layer.shapes().values().stream().mapToInt(s -> s.pathData().length()).sum();
    }
}
