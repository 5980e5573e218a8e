package se.partnerskap.platform;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code partnerskap.*} setting, bound and checked once at start-up (a wrong value stops the start
 * with the property's name and what is wrong). Set them in {@code application.properties}, as
 * {@code --partnerskap.base-url=…} or as environment variables ({@code PARTNERSKAP_BASE_URL}); IDEs
 * complete them from the metadata the configuration processor writes from this record. A new setting
 * gets a component here (in its group) with a {@code @param} line: that is its documentation.
 * <p>
 * A few settings are also read as placeholders where Spring needs a string before any bean exists
 * ({@code @Scheduled} delays and crons, {@code partnerskap.demo} in conditions, {@code mail.from},
 * the metrics login): they are declared here all the same, with the same default, for the metadata.
 *
 * @param baseUrl Public address of the site, such as https://partnerskap.example.org: every absolute
 *        link (mail, feeds, sitemap, citations) starts with it (build them with web.Links); a trailing
 *        slash is dropped.
 * @param dataDir Where the embedded PostgreSQL keeps its data (used only without spring.datasource.url).
 * @param embeddedPort Port of the embedded PostgreSQL; 0 picks a free one.
 * @param demo Demo mode: demo data, demo users and a local mail catcher; on by default with the
 *        embedded database, off with a configured one.
 * @param demoPublic Let demo mode listen on every address and have a public base URL.
 * @param oidc OpenID Connect login.
 * @param metrics The scraper's login to the metrics.
 * @param mail Outgoing mail.
 * @param events Retry of failed event publications (mail above all).
 * @param upload Uploads.
 * @param rateLimits Login and mail rate limits.
 * @param search The search of funded projects.
 * @param newsroom The newsroom's mail to subscribers.
 * @param reports Project reports.
 * @param rounds Application rounds.
 * @param pendingSaves Forms kept after a failed save (docs/autosave.md).
 * @param registrations Accounts people create themselves (docs/identity.md).
 * @param pageCache The rendered-page cache's listening connection (docs/operations.md).
 * @param openData Who publishes the open data and under which licence (docs/open-data.md).
 */
@Validated
@ConfigurationProperties("partnerskap")
public record PartnerskapProperties(
        @NotBlank
        @Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*)?",
                message = "must be an absolute http or https address such as https://partnerskap.example.org")
        String baseUrl,
        @DefaultValue("data/postgres") @NotBlank String dataDir,
        @DefaultValue("0") @Min(0) int embeddedPort,
        @DefaultValue("false") boolean demo,
        @DefaultValue("false") boolean demoPublic,
        @DefaultValue Oidc oidc,
        @DefaultValue Metrics metrics,
        @DefaultValue Mail mail,
        @DefaultValue @Valid Events events,
        @DefaultValue @Valid Upload upload,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Search search,
        @DefaultValue Newsroom newsroom,
        @DefaultValue Reports reports,
        @DefaultValue Rounds rounds,
        @DefaultValue PendingSaves pendingSaves,
        @DefaultValue Registrations registrations,
        @DefaultValue @Valid PageCache pageCache,
        @DefaultValue @Valid OpenData openData) {

    public PartnerskapProperties {
        // normalised once, so that every link is base + "/path"
        baseUrl = baseUrl == null ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    /** @param enabled Log in through an OpenID Connect provider too (spring.security.oauth2.client.*). */
    public record Oidc(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param username HTTP Basic user name of the metrics scraper.
     * @param password Password of the metrics scraper; without one nobody can read the metrics.
     */
    public record Metrics(@DefaultValue("prometheus") String username, @DefaultValue("") String password) {
    }

    /** @param from Sender of every mail. */
    public record Mail(@DefaultValue("Kommunala partnerskap <noreply@partnerskap.example>") String from) {
    }

    /**
     * @param retryEvery How often the resubmitter looks for publications to retry.
     * @param firstRetryAfter Pause before the first retry; it doubles with every attempt.
     * @param maxRetryInterval The longest pause between two retries.
     * @param maxAttempts Attempts after which a publication is given up (left for an operator).
     * @param resubmitPerRun Publications retried at most per run.
     * @param readAtMost Failed publications read at most per run.
     * @param keepCompleted How long completed publications are kept.
     */
    public record Events(
            @DefaultValue("PT15S") Duration retryEvery,
            @DefaultValue("PT2M") @NotNull Duration firstRetryAfter,
            @DefaultValue("PT1H") @NotNull Duration maxRetryInterval,
            @DefaultValue("10") @Min(1) int maxAttempts,
            @DefaultValue("200") @Min(1) int resubmitPerRun,
            @DefaultValue("10000") @Min(1) int readAtMost,
            @DefaultValue("P7D") @NotNull Duration keepCompleted) {
    }

    /** @param maxRequestSize An upload request larger than this is refused with the translated 413 page. */
    public record Upload(@DefaultValue("15MB") @NotNull DataSize maxRequestSize) {
    }

    /** @param cleanupEvery How often full rate-limit buckets and long-unused login addresses are deleted. */
    public record RateLimits(@DefaultValue("PT1H") Duration cleanupEvery) {
    }

    /** @param refreshEvery How often the search index of funded projects is refreshed. */
    public record Search(@DefaultValue("PT5M") Duration refreshEvery) {
    }

    /**
     * @param announceEvery How often newly public items are looked for to mail to subscribers.
     * @param announceMaxAge An item public for longer than this is not mailed any more.
     */
    public record Newsroom(@DefaultValue("PT1M") Duration announceEvery, @DefaultValue("7d") Duration announceMaxAge) {
    }

    /** @param reminders Reminders of reports due. */
    public record Reports(@DefaultValue Reminders reminders) {

        /** @param cron When reminders are sent (Stockholm time). */
        public record Reminders(@DefaultValue("0 */15 * * * *") String cron) {
        }
    }

    /** @param closeCron When rounds past their deadline are closed (Stockholm time). */
    public record Rounds(@DefaultValue("5 * * * * *") String closeCron) {
    }

    /** @param cleanupCron When kept forms and remembered sessions past their time are deleted (Stockholm time). */
    public record PendingSaves(@DefaultValue("0 17 * * * *") String cleanupCron) {
    }

    /**
     * @param cleanupCron When accounts registered but never confirmed are deleted, 30 days after their last link
     *                    expired (Stockholm time).
     */
    public record Registrations(@DefaultValue("0 23 3 * * *") String cleanupCron) {
    }

    /**
     * @param applicationName How the connection that listens for changed pages is named in pg_stat_activity.
     * @param reconnectDelay First pause before a lost listening connection is opened again; it doubles up to 10 s.
     */
    public record PageCache(@DefaultValue("partnerskap-page-cache") @NotBlank String applicationName,
            @DefaultValue("PT1S") @NotNull Duration reconnectDelay) {
    }

    /**
     * @param publisherName Name of the organisation that runs the platform and publishes the data (IATI's
     *                      reporting and extending organisation, 360Giving's funder, DCAT's publisher).
     * @param publisherOrganisationNumber Its Swedish organisation number (NNNNNN-NNNN); its IATI identifier is
     *                                    SE-ON- and the ten digits, its 360Giving prefix 360G-SE-ON-….
     * @param licence The licence of every data set: an SPDX identifier, CC0-1.0 or CC-BY-4.0.
     * @param updated How often the data sets change, as a DCAT frequency: DAILY, WEEKLY or MONTHLY.
     */
    public record OpenData(
            @DefaultValue("Kommunala partnerskap (demo)") @NotBlank String publisherName,
            @DefaultValue("202100-0001") @Pattern(regexp = "\\d{6}-\\d{4}", message = "is NNNNNN-NNNN") String publisherOrganisationNumber,
            @DefaultValue("CC-BY-4.0") @Pattern(regexp = "CC0-1\\.0|CC-BY-4\\.0", message = "is CC0-1.0 or CC-BY-4.0") String licence,
            @DefaultValue("DAILY") @Pattern(regexp = "DAILY|WEEKLY|MONTHLY", message = "is DAILY, WEEKLY or MONTHLY") String updated) {

        /** The licence's canonical address (Creative Commons'), as 360Giving and DCAT want it. */
        public String licenceUrl() {
            return "CC0-1.0".equals(licence) ? "https://creativecommons.org/publicdomain/zero/1.0/"
                    : "https://creativecommons.org/licenses/by/4.0/";
        }

        /** The licence's short name for people: CC0 1.0 or CC BY 4.0. */
        public String licenceName() {
            return "CC0-1.0".equals(licence) ? "CC0 1.0" : "CC BY 4.0";
        }

        /** The publisher's IATI organisation identifier: SE-ON- and the organisation number's ten digits. */
        public String iatiIdentifier() {
            return "SE-ON-" + publisherOrganisationNumber.replace("-", "");
        }
    }
}
