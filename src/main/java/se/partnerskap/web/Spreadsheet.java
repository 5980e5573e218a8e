package se.partnerskap.web;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A worksheet laid out alike in every Excel export: the document's title in the first row, the column
 * headings in bold in the second, frozen so that they stay when scrolling and filterable, then one row
 * per item from {@link #FIRST_ROW}. Dates are Excel dates with a date format, amounts whole numbers with
 * thousands grouped; columns are as wide as their longest text (within bounds).
 */
public final class Spreadsheet {

    /** The first row of data (0-based): after the title and the headings. */
    public static final int FIRST_ROW = 2;
    static final String DATE = "yyyy-mm-dd";
    static final String AMOUNT = "#,##0";
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    private final Worksheet sheet;
    private final int[] widths;
    private int lastRow = FIRST_ROW - 1;

    private Spreadsheet(Worksheet sheet, int columns) {
        this.sheet = sheet;
        this.widths = new int[columns];
    }

    /** A workbook whose document properties carry {@code title} and {@code subject} (shown by Excel's Info). */
    public static Workbook workbook(OutputStream out, String title, String subject) {
        Workbook workbook = new Workbook(out, "Partnerskap", "1.0");
        workbook.properties().setTitle(title).setSubject(subject);
        return workbook;
    }

    /** A sheet named {@code name} (cut to what Excel allows) with {@code title} above the {@code headings}. */
    public static Spreadsheet sheet(Workbook workbook, String name, String title, List<String> headings) {
        Spreadsheet s = new Spreadsheet(workbook.newWorksheet(sheetName(name)), headings.size());
        s.sheet.value(0, 0, title);
        s.sheet.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < headings.size(); c++) {
            s.sheet.value(1, c, headings.get(c));
            s.sheet.style(1, c).bold().fillColor("E8F1EC").set();
            s.measure(c, headings.get(c));
        }
        s.sheet.freezePane(0, FIRST_ROW);
        return s;
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
    public static String sheetName(String name) {
        String s = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return s.isEmpty() ? "Blad 1" : s.length() > 31 ? s.substring(0, 31) : s;
    }

    public void text(int row, int column, String value) {
        used(row);
        if (value != null && !value.isEmpty()) {
            sheet.value(row, column, value);
            measure(column, value);
        }
    }

    /** Whole kronor as a number; nothing when null. */
    public void amount(int row, int column, Long value) {
        used(row);
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format(AMOUNT).set();
            measure(column, String.format("%,d", value));
        }
    }

    public void number(int row, int column, Number value) {
        used(row);
        if (value != null) {
            sheet.value(row, column, value);
            measure(column, value.toString());
        }
    }

    /** A date Excel knows as one (sorts, filters and computes), shown as 2026-11-30; nothing when null. */
    public void date(int row, int column, LocalDate value) {
        used(row);
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format(DATE).set();
            measure(column, DATE + "  ");
        }
    }

    /** Sets the columns' widths and a filter over the headings; call when the rows are written. */
    public void finish() {
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2)));
        }
        if (widths.length > 0) {
            sheet.setAutoFilter(1, 0, lastRow, widths.length - 1);
        }
    }

    private void used(int row) {
        lastRow = Math.max(lastRow, row);
    }

    private void measure(int column, String text) {
        widths[column] = Math.max(widths[column], text.length());
    }
}
