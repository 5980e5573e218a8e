package se.partnerskap.publicsite.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Every outline of the three maps in one SVG file that the map pages reference instead of repeating it: an area
 * that is not highlighted is drawn as {@code <use href="/karta/omraden-<md5>.svg#m0180">}, so the page carries its
 * name and code, not its geometry. The outlines change only with a release (they are read from the GeoJSON at
 * start-up), so the file's address carries the MD5 of its content, like the versioned CSS, and a browser keeps it
 * for a year: a visitor loads the 70 KB of path data once, not with every map page.
 */
@Component
class MapOutlines {

    /** The address's pattern, as the controller maps it. */
    static final String PATH_PREFIX = "/karta/omraden-";

    private final byte[] document;
    private final String version;

    MapOutlines(MapShapes shapes) {
        StringBuilder svg = new StringBuilder(96 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\"><defs>");
        for (MapShapes.Layer layer : new MapShapes.Layer[] {shapes.municipalities(), shapes.regions(), shapes.world()}) {
            for (MapShapes.Shape shape : layer.shapes().values()) {
                // vector-effect is not inherited from the <use>: it is set here, the stroke comes from the page's CSS
                svg.append("<path id=\"").append(layer.id(shape.code())).append("\" vector-effect=\"non-scaling-stroke\" d=\"")
                        .append(shape.pathData()).append("\"/>");
            }
        }
        this.document = svg.append("</defs></svg>").toString().getBytes(StandardCharsets.UTF_8);
        this.version = DigestUtils.md5DigestAsHex(document);
    }

    /** The versioned address of the file, e.g. {@code /karta/omraden-0123…cdef.svg}. */
    String url() {
        return PATH_PREFIX + version + ".svg";
    }

    /** Whether {@code requested} (the part of the file name after the prefix) is this file's version. */
    boolean isCurrent(String requested) {
        return version.equals(requested);
    }

    byte[] document() {
        return document.clone();
    }
}
