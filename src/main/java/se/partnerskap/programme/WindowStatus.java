package se.partnerskap.programme;

import java.time.Instant;

/**
 * Where the programme stands now: the window that is open (and until when, with any extension), or
 * the next one to open.
 */
public record WindowStatus(boolean openNow, ApplicationWindow.Occurrence window, Instant closesAt) {
}
