package se.partnerskap.application.internal;

import java.util.OptionalInt;

import se.partnerskap.application.internal.Answers;
import se.partnerskap.application.internal.Section;

/**
 * A press of "Lägg till partner"/"Lägg till kostnadsrad" ({@code add=partner}, {@code add=line}) or of a
 * row's "Ta bort" ({@code remove=partner2}): the answers as typed with one row more or less, saved like
 * any save and shown again at that row. Plain submit buttons, so that it works without JavaScript.
 *
 * @param answers what to save
 * @param notice  the message key of the notice after the save
 * @param anchor  the id of the row to show (the one added, or the one now in the removed one's place)
 */
record RowChange(Answers answers, String notice, String anchor) {

    /** The change a request asks for, or null when it asks none (or one that changes nothing). */
    static RowChange of(Section section, String add, String remove, Answers typed, int maxPartners) {
        NumberedRows rows = switch (section.kind()) {
            case PARTNERS -> NumberedRows.PARTNER;
            case BUDGET -> NumberedRows.LINE;
            default -> null;
        };
        if (rows == null) {
            return null;
        }
        int before = rows.count(typed);
        if (rows.prefix().equals(add)) {
            Answers after = rows.add(typed, rows == NumberedRows.PARTNER ? maxPartners : rows.cap());
            int count = rows.count(after);
            return count == before ? null
                    : new RowChange(after, "application.notice." + rows.prefix() + "Added", rows.prefix() + count);
        }
        OptionalInt row = rows.removal(remove);
        if (row.isEmpty() || before == 1 || row.getAsInt() > before) {
            return null;
        }
        Answers after = rows.remove(typed, row.getAsInt());
        return new RowChange(after, "application.notice." + rows.prefix() + "Removed",
                rows.prefix() + Math.min(row.getAsInt(), rows.count(after)));
    }
}
