package se.partnerskap.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** An exported .xlsx read back as a reader of it sees it: sheets of cells, the document's title, frozen rows. */
public record Workbooks(Map<String, List<Row>> sheets, Map<String, String> parts) {

    public static Workbooks read(byte[] xlsx) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Map<String, List<Row>> sheets = new LinkedHashMap<>();
            for (var sheet : wb.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
            return new Workbooks(sheets, unzip(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Row> sheet(String name) {
        return sheets.get(name);
    }

    public List<Row> first() {
        return sheets.values().iterator().next();
    }

    /** The cell at a 0-based row and column, or null when the row has none there. */
    public static Cell cell(List<Row> rows, int row, int column) {
        Row r = rows.stream().filter(x -> x.getRowNum() == row + 1).findFirst().orElse(null);
        return r == null ? null : r.getOptionalCell(column).orElse(null);
    }

    /** The texts of a row, "" for an empty cell. */
    public static List<String> texts(List<Row> rows, int row) {
        Row r = rows.stream().filter(x -> x.getRowNum() == row + 1).findFirst().orElseThrow();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < r.getCellCount(); c++) {
            texts.add(r.getOptionalCell(c).map(Cell::getText).orElse(""));
        }
        return texts;
    }

    /** The document's title as Excel's Info shows it (docProps/core.xml). */
    public String title() {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var core = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    parts.getOrDefault("docProps/core.xml", "<none/>").getBytes(StandardCharsets.UTF_8)));
            var titles = core.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title");
            return titles.getLength() == 0 ? null : titles.item(0).getTextContent();
        } catch (Exception e) {
            throw new IllegalStateException("docProps/core.xml is not XML", e);
        }
    }

    /** How many rows of the n-th sheet (1-based) stay when scrolling: 0 when none are frozen. */
    public int frozenRows(int sheet) {
        String xml = parts.getOrDefault("xl/worksheets/sheet" + sheet + ".xml", "");
        var m = java.util.regex.Pattern.compile("<pane[^>]*ySplit=\"(\\d+)\"[^>]*state=\"frozen\"").matcher(xml);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The parts of an .xlsx, read through its central directory (the writer streams, so entry headers carry no sizes). */
    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    parts.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return parts;
    }
}
