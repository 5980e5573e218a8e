package se.partnerskap.grant.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/**
 * The Swedish and English paths of the project follow-up: the grantees' and the case officers' pages, with
 * the words below them in the page's language ({@code /mina-projekt/{key}/redovisningar/{id}/kvitto} is
 * {@code /en/my-projects/{key}/reports/{id}/receipt}). The pages still answer to the Swedish words under
 * /en, so that addresses given out before keep working.
 */
@Configuration(proxyBeanMethods = false)
class GrantPaths {

    /** The words below the prefixes, Swedish then English. */
    static final String[] WORDS = {
            "projekt", "projects",
            "avtal", "agreement",
            "avtal.pdf", "agreement.pdf",
            "kontrasignera", "countersign",
            "utbetalningar", "payments",
            "andringar", "change-requests",
            "redovisningar", "reports",
            "kvitto", "receipt",
            "konflikt", "conflict",
            "bilagor", "attachments",
            "ta-bort", "remove",
            "godkann", "approve",
            "returnera", "return",
            "publika-texter", "public-texts",
            "stipendier", "grants",
            "tacka-ja", "accept",
            "faltrapport", "field-report",
            "uppsats", "thesis",
            "uppsats.pdf", "thesis.pdf",
            "utbetald", "paid"};

    @Bean
    PathPairs grantPathPairs() {
        return PathPairs.of(
                "/mina-projekt", "/en/my-projects",
                "/mina-stipendier", "/en/my-grants",
                "/uppfoljning", "/en/follow-up").withSegments(WORDS);
    }
}
