package se.partnerskap.application.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.programme.RoundExtended;
import se.partnerskap.programme.Rounds;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Tells everyone with a draft in a round that the round was extended: the contact persons of each
 * draft (or whoever started it). Runs from the event publication registry, so an extension
 * committed before a crash is still announced; once per recipient and extension (key
 * {@code round-extended:<round>:<new deadline>}), so a retry after one refused address mails nobody twice,
 * not even a contact of two drafts.
 */
@Component
class RoundExtensionMail {

    private final JdbcClient jdbc;
    private final Mail mail;
    private final Rounds rounds;
    private final Links links;

    RoundExtensionMail(JdbcClient jdbc, Mail mail, Rounds rounds, Links links) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.rounds = rounds;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(RoundExtended event) {
        var round = rounds.details(event.roundId()).orElseThrow();
        String sv = StockholmTime.dateTime(event.extendedUntil(), Language.SV);
        String en = StockholmTime.dateTime(event.extendedUntil(), Language.EN);
        Set<String> everyone = new LinkedHashSet<>();
        draftRecipients(event.roundId()).forEach(everyone::addAll);
        mail.sendEachOnce("round-extended:" + event.roundId() + ":" + event.extendedUntil(), everyone.stream()
                .map(to -> new OutgoingMail(to,
                        "Ansökningsomgången förlängs / The application round is extended: " + round.name(Language.SV),
                        """
                        %s förlängs. Ny sista tid att skicka in: %s.
                        %s

                        Ditt utkast finns kvar: %s

                        ---

                        %s is extended. New deadline: %s.
                        %s

                        Your draft is kept: %s
                        """.formatted(round.name(Language.SV), sv, nullToEmpty(event.reasonSv()),
                                links.absolute("/ansokningar"), round.name(Language.EN), en,
                                nullToEmpty(event.reasonEn()), links.absolute("/en/applications"))))
                .toList());
    }

    /** Per draft: its contact persons' addresses, or the address of whoever started it. */
    private List<Set<String>> draftRecipients(UUID round) {
        return jdbc.sql("""
                SELECT a.created_by, s.answers -> 'contactEmail' ->> 0 AS c1, s.answers -> 'contact2Email' ->> 0 AS c2
                FROM application a
                LEFT JOIN application_section s ON s.application_id = a.id AND s.section_key = 'applicant'
                WHERE a.round_id = ? AND a.status IN ('draft', 'withdrawn')
                """).param(round).query((rs, i) -> {
                    Set<String> to = new LinkedHashSet<>();
                    for (String c : new String[] {rs.getString("c1"), rs.getString("c2")}) {
                        if (c != null && !c.isBlank()) {
                            to.add(c.strip().toLowerCase());
                        }
                    }
                    if (to.isEmpty()) {
                        to.add(rs.getString("created_by"));
                    }
                    return to;
                }).list();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
