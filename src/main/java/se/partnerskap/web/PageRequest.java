package se.partnerskap.web;

/**
 * One page of a long list, as an address asks for it ({@code ?page=3}, {@code ?sida=3}): its number from 1 and
 * the rows a page holds. Anything that is not a whole number from 1 asks for the first page, so that a
 * mistyped or stale address shows the list instead of an error. The arithmetic of paging lives here, once:
 * the offset of the page's first row, the number of the last page, and which rows a page shows.
 *
 * @param number the page, from 1
 * @param size rows on a page
 */
public record PageRequest(int number, int size) {

    public PageRequest {
        if (number < 1 || size < 1) {
            throw new IllegalArgumentException("A page number and size start at 1");
        }
    }

    /** The page {@code param} asks for, with {@code size} rows a page. */
    public static PageRequest of(String param, int size) {
        int number;
        try {
            number = Math.max(1, Integer.parseInt(param == null ? "" : param.strip()));
        } catch (NumberFormatException notANumber) {
            number = 1;
        }
        return new PageRequest(number, size);
    }

    /** The same page, or page {@code last} when it asks for one beyond (where a deep page costs too much). */
    public PageRequest atMost(int last) {
        return number <= last ? this : new PageRequest(last, size);
    }

    /** Rows before this page's first. */
    public int offset() {
        return (number - 1) * size;
    }

    /** The number of the last page of {@code total} rows: 1 for an empty list. */
    public int lastPage(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The position (from 1) of the first row shown when this page shows {@code shown} rows; 0 when it shows none. */
    public int firstShown(int shown) {
        return shown == 0 ? 0 : offset() + 1;
    }
}
