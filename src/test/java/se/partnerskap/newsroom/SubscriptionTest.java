package se.partnerskap.newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import se.partnerskap.newsroom.internal.SubscriptionAnnouncements;
import se.partnerskap.notification.MailCatcher;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest extends AbstractIntegrationTest {

    private static final Pattern CONFIRM = Pattern.compile("https?://[^/\\s]+(/(?:en/subscription/confirm|prenumeration/bekrafta)/[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://[^/\\s]+(/(?:en/subscription/unsubscribe|prenumeration/avsluta)/[A-Za-z0-9_-]+)");

    @Autowired
    SubscriptionAnnouncements announcements;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    NewsfeedsFixtures news;

    @BeforeEach
    void fixtures() {
        news = new NewsfeedsFixtures(jdbc);
    }

    @AfterEach
    void clean() {
        news.clean();
    }

    private static Instant ago(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes));
    }

    /** Fills in and sends the subscription form as a browser does; returns the response. */
    private java.net.http.HttpResponse<String> subscribe(HttpClient client, String path, Map<String, String> fields) {
        String form = get(client, path).body();
        return postForm(client, path, form, fields);
    }

    /** Subscribes and confirms through the link in the mail; returns the confirmation mail. */
    private MailCatcher.CaughtMail subscribeAndConfirm(String email, Map<String, String> fields) {
        HttpClient client = client();
        var sent = subscribe(client, "/prenumeration", with(fields, "email", email));
        assertThat(sent.statusCode()).isEqualTo(302);
        MailCatcher.CaughtMail confirmation = mailTo(email, 1).get(0);
        String link = link(CONFIRM, confirmation.text());
        var page = get(client, link);
        assertThat(page.statusCode()).isEqualTo(200);
        var confirmed = postForm(client, link, page.body(), Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String done = get(client, URI.create(confirmed.headers().firstValue("Location").orElseThrow()).getPath()).body();
        assertThat(done).containsAnyOf("Prenumerationen är bekräftad", "The subscription is confirmed")
                .containsAnyOf("/prenumeration/avsluta/", "/en/subscription/unsubscribe/");
        return confirmation;
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        var all = new java.util.LinkedHashMap<>(fields);
        all.put(key, value);
        return all;
    }

    private static String link(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("a link in\n" + text).isTrue();
        return m.group(1);
    }

    /** Waits until the newsroom's event publications are complete, so that "nothing more was sent" means something. */
    private void awaitPublicationsDone() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND event_type LIKE 'se.partnerskap.newsroom.%'
                """).query(Integer.class).single() == 0);
    }

    private List<MailCatcher.CaughtMail> mailsAbout(String email, String title) {
        return mail.messagesTo(email).stream().filter(m -> m.subject() != null && m.subject().contains(title)).toList();
    }

    private void publishAndAnnounce(NewsfeedsFixtures.Item item) {
        news.publish(item.id(), ago(1));
        announcements.announceNow();
    }

    @Test
    void aConfirmedPressReleaseSubscriberGetsEachPublishedItemOnceWithListUnsubscribe() {
        String email = news.email("press");
        String colleague = news.email("press-colleague");
        subscribeAndConfirm(email, Map.of("pressReleases", "true", "language", "sv"));
        subscribeAndConfirm(colleague, Map.of("pressReleases", "true", "language", "sv"));
        String title = news.unique("Pressmeddelande om vatten ");
        var item = news.item("press-release", "sv", news.slug("press"), title, "Ingressen.", "<p>Text</p>", "draft", null);

        publishAndAnnounce(item);

        MailCatcher.CaughtMail m = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(email, title), l -> !l.isEmpty()).get(0);
        assertThat(m.subject()).startsWith("Pressmeddelande: ");
        assertThat(m.text()).contains("Ingressen.").contains("/nyheter/" + news.slug("press"));
        String unsubscribe = link(UNSUBSCRIBE, m.text());
        assertThat(m.headers()).anySatisfy(h -> assertThat(h).startsWith("List-Unsubscribe: <").contains(unsubscribe));
        assertThat(m.headers()).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

        // the job again, and the same event delivered again: nothing more
        announcements.announceNow();
        transactions.executeWithoutResult(s -> events.publishEvent(new NewsItemPublished(item.id(), "sv", "press-release", ago(1))));
        awaitPublicationsDone();
        assertThat(mailsAbout(email, title)).hasSize(1);
        assertThat(mailsAbout(colleague, title)).as("every subscriber gets it once").hasSize(1);
        assertThat(jdbc.sql("SELECT announced_at IS NOT NULL FROM news_item WHERE id = ?").param(item.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAddressWithMarkupQuotesOrNoDomainIsAFieldErrorAndNothingIsStoredOrSent() {
        for (String hostile : List.of("\"><script>alert(1)</script>@example.org", "Anna <anna@example.org>",
                "anna@example", "an na@example.org", "anna@exa mple.org", "\"anna\"@example.org", "anna@@example.org")) {
            HttpClient client = client();
            var sent = subscribe(client, "/prenumeration", Map.of("email", hostile, "pressReleases", "true", "language", "sv"));
            assertThat(sent.statusCode()).as(hostile).isEqualTo(400);
            assertThat(sent.body()).as(hostile).contains("error-summary").contains("Skriv en e-postadress i rätt format")
                    .doesNotContain("<script>alert(1)</script>");
            assertThat(jdbc.sql("SELECT count(*) FROM subscription_request WHERE email = ?").param(hostile.strip().toLowerCase())
                    .query(Integer.class).single()).as(hostile).isZero();
        }
    }

    @Test
    void anAddressStoredBeforeTheStrictCheckIsSkippedAndTheOthersStillGetTheItem() {
        // a subscription accepted before addresses were checked strictly, as one was in the attack
        String hostile = "\"><script>alert(1)</script>" + UUID.randomUUID() + "@example.org";
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO subscription (id, email, language, press_releases, status, unsubscribe_token, confirmed_at, updated_at)
                VALUES (?, ?, 'sv', true, 'confirmed', ?, now(), now())
                """).params(id, hostile.toLowerCase(), UUID.randomUUID().toString()).update();
        try {
            String email = news.email("press-after-hostile");
            subscribeAndConfirm(email, Map.of("pressReleases", "true", "language", "sv"));
            String title = news.unique("Pressmeddelande efter en trasig adress ");
            publishAndAnnounce(news.item("press-release", "sv", news.slug("hostile"), title, "Ingress.", "<p>Text</p>",
                    "draft", null));

            awaitPublicationsDone();
            assertThat(mailsAbout(email, title)).hasSize(1);
            assertThat(mail.messages()).filteredOn(m -> m.subject() != null && m.subject().contains(title))
                    .extracting(MailCatcher.CaughtMail::to).contains(email)
                    .allSatisfy(to -> assertThat(to).doesNotContain("script"));
        } finally {
            jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update();
        }
    }

    @Test
    void anUnconfirmedSubscriberGetsNothing() {
        String email = news.email("unconfirmed");
        var sent = subscribe(client(), "/prenumeration", Map.of("email", email, "pressReleases", "true", "language", "sv"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(mailTo(email, 1).get(0).subject()).contains("Bekräfta");
        String title = news.unique("Obekräftat ");
        publishAndAnnounce(news.item("press-release", "sv", news.slug("obekraftat"), title, "", "", "draft", null));

        awaitPublicationsDone();
        assertThat(mailsAbout(email, title)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE email = ?").param(email).query(Integer.class).single())
                .isZero();
    }

    @Test
    void tagSubscribersGetTaggedItemsInTheirLanguageWhereTranslated() {
        String tag = news.tag("kronoberg", "region", "Kronoberg", "Kronoberg");
        String email = news.email("tag-en");
        var confirmation = subscribeAndConfirm(email, Map.of("tag", tag, "language", "en"));
        assertThat(confirmation.text()).contains("/en/subscription/confirm/");
        String titleSv = news.unique("Samarbete i Kronoberg ");
        String titleEn = news.unique("Cooperation in Kronoberg ");
        var sv = news.item("article", "sv", news.slug("taggad-sv"), titleSv, "", "", "draft", null, tag);
        news.item(sv.group(), "article", "en", news.slug("tagged-en"), titleEn, "An English lead.", "", "published", ago(1), tag);
        String untagged = news.unique("Otaggad ");
        var other = news.item("press-release", "sv", news.slug("otaggad"), untagged, "", "", "draft", null);

        publishAndAnnounce(sv);
        publishAndAnnounce(other);

        MailCatcher.CaughtMail m = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(email, titleEn), l -> !l.isEmpty()).get(0);
        assertThat(m.subject()).startsWith("Article: ");
        assertThat(m.text()).contains("/en/news/" + news.slug("tagged-en")).contains("/en/subscription/unsubscribe/");
        awaitPublicationsDone();
        assertThat(mailsAbout(email, titleEn)).as("the translation counts as the same item").hasSize(1);
        assertThat(mailsAbout(email, titleSv)).isEmpty();
        assertThat(mailsAbout(email, untagged)).isEmpty();
    }

    @Test
    void unsubscribingFromTheLinkWorksWithoutLoggingInAndStopsTheMail() {
        String email = news.email("leaving");
        subscribeAndConfirm(email, Map.of("pressReleases", "true", "language", "sv"));
        String first = news.unique("Forsta ");
        publishAndAnnounce(news.item("press-release", "sv", news.slug("forsta"), first, "", "", "draft", null));
        MailCatcher.CaughtMail m = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsAbout(email, first), l -> !l.isEmpty()).get(0);
        String link = link(UNSUBSCRIBE, m.text());

        HttpClient stranger = client();
        var page = get(stranger, link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Avsluta prenumerationen").contains("<form method=\"post\"");
        assertThat(status(email)).as("opening the link changes nothing").isEqualTo("confirmed");

        var done = postForm(stranger, link, page.body(), Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/prenumeration/avslutad");
        assertThat(get(stranger, "/prenumeration/avslutad").body()).contains("Prenumerationen är avslutad");
        assertThat(status(email)).isEqualTo("unsubscribed");

        String second = news.unique("Andra ");
        publishAndAnnounce(news.item("press-release", "sv", news.slug("andra"), second, "", "", "draft", null));
        awaitPublicationsDone();
        assertThat(mailsAbout(email, second)).isEmpty();
    }

    @Test
    void aMailClientsOneClickPostUnsubscribesWithoutACsrfToken() throws Exception {
        String email = news.email("oneclick");
        subscribeAndConfirm(email, Map.of("pressReleases", "true", "language", "en"));
        String token = jdbc.sql("SELECT unsubscribe_token FROM subscription WHERE email = ?").param(email)
                .query(String.class).single();

        var response = send(client(), HttpRequest.newBuilder(URI.create(url("/en/subscription/unsubscribe/" + token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(status(email)).isEqualTo("unsubscribed");
        assertThat(get("/prenumeration/avsluta/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void theFormShowsErrorsKeepsWhatWasTypedAndChangesNothing() {
        HttpClient client = client();
        String form = get(client, "/prenumeration").body();
        assertThat(form).contains("<label for=\"email\">").contains("name=\"pressReleases\"");

        var noEmail = postForm(client, "/prenumeration", form, Map.of("email", "", "pressReleases", "true"));
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(noEmail.body()).contains("class=\"error-summary\"").contains("href=\"#email\"")
                .contains("Skriv din e-postadress").contains("name=\"pressReleases\" value=\"true\" checked");

        String email = news.email("nothing");
        var nothing = postForm(client, "/prenumeration", form, Map.of("email", email));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("href=\"#pressReleases\"").contains("value=\"" + email + "\"");

        var invalid = postForm(client, "/prenumeration", form, Map.of("email", "inte en adress", "pressReleases", "true"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("rätt format");
        assertThat(jdbc.sql("SELECT count(*) FROM subscription_request WHERE email = ?").param(email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void subscribingAgainUpdatesTheOneSubscriptionAndAnswersAlikeForKnownAndUnknownAddresses() {
        String tag = news.tag("kenya", "country", "Kenya", "Kenya");
        String email = news.email("again");
        subscribeAndConfirm(email, Map.of("pressReleases", "true", "language", "sv"));

        HttpClient client = client();
        var known = subscribe(client, "/prenumeration", Map.of("email", email.toUpperCase(), "tag", tag, "language", "en"));
        var unknown = subscribe(client(), "/prenumeration", Map.of("email", news.email("stranger"), "tag", tag, "language", "en"));
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(get(client, URI.create(known.headers().firstValue("Location").orElseThrow()).getPath()).body())
                .contains("Om adressen stämmer");

        assertThat(status(email)).as("the old choices hold until the new ones are confirmed").isEqualTo("confirmed");
        var second = mailTo(email, 2).stream().filter(m -> m.text().contains("/en/subscription/confirm/")).findFirst().orElseThrow();
        String link = link(CONFIRM, second.text());
        var page = get(client, link);
        assertThat(page.body()).contains("Kenya");
        postForm(client, link, page.body(), Map.of());

        assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE email = ?").param(email).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT press_releases::text || ' ' || language FROM subscription WHERE email = ?").param(email)
                .query(String.class).single()).isEqualTo("false en");
        assertThat(jdbc.sql("SELECT tag_key FROM subscription_tag t JOIN subscription s ON s.id = t.subscription_id WHERE s.email = ?")
                .param(email).query(String.class).list()).containsExactly(tag);
        assertThat(get(link).statusCode()).as("a used link does not work again").isEqualTo(404);
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM subscription WHERE email = ?").param(email).query(String.class).single();
    }
}
