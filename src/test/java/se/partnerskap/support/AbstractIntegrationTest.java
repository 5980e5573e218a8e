package se.partnerskap.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.partnerskap.notification.MailCatcher;
import se.partnerskap.web.RenderedPages;

/**
 * Base of the full-stack tests: a real HTTP client against the running application, the database,
 * the caught e-mail and the controllable clock.
 */
@IntegrationTest
public abstract class AbstractIntegrationTest {

    static {
        TestDatabase.prepare();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private org.springframework.security.crypto.password.PasswordEncoder passwords;

    /** The password of the people {@link #selfRegistered} makes. */
    protected static final String PERSON_PASSWORD = "a long enough password";

    /**
     * A person who registered and confirmed their address themselves: an applicant of no organisation (a student
     * applying for the fieldwork grant), logging in with {@link #PERSON_PASSWORD}.
     */
    protected java.util.UUID selfRegistered(String email, String name) {
        java.util.UUID id = java.util.UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, enabled, activated_at, created_at, self_registered)
                VALUES (?, ?, ?, ?, true, now(), now(), true)
                """).params(id, email, name, passwords.encode(PERSON_PASSWORD)).update();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, 'APPLICANT')").param(id).update();
        return id;
    }

    @Autowired
    protected TestClock clock;

    @Autowired
    protected MailCatcher mail;

    @Autowired
    protected RenderedPages renderedPages;

    @AfterEach
    void resetClock() {
        clock.reset();
        // tests change rows by SQL too (and clean up that way): no cached page of one test outlives it
        renderedPages.invalidateAll();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A browser-like client: keeps cookies, does not follow redirects (tests look at them). */
    protected HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    protected HttpResponse<String> get(HttpClient client, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(client, b.build());
    }

    protected HttpResponse<String> get(String path, String... headers) {
        return get(client(), path, headers);
    }

    protected HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return send(client, request, HttpResponse.BodyHandlers.ofString());
    }

    /** The response with its body as {@code handler} reads it (bytes of a download, say). */
    protected <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a form the way a browser does, with the CSRF token taken from {@code formPage}. */
    protected HttpResponse<String> postForm(HttpClient client, String path, String formPage, Map<String, String> fields) {
        return postForm(client, path, formPage, fields, new String[0]);
    }

    /** The same with extra request headers as name-value pairs (say, {@code X-Forwarded-For} of a proxy). */
    protected HttpResponse<String> postForm(HttpClient client, String path, String formPage, Map<String, String> fields,
            String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(formPage));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    /** A client logged in through the real login form. */
    protected HttpClient loggedInAs(String email, String password) {
        HttpClient client = client();
        String page = get(client, "/login").body();
        HttpResponse<String> response = postForm(client, "/login", page,
                Map.of("email", email, "password", password, "lang", "sv"));
        if (response.statusCode() != 302) {
            throw new AssertionError("Login of " + email + " failed with " + response.statusCode());
        }
        return client;
    }

    /** The CSRF token of the first form on a page. */
    protected static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        return m.group(1);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    protected List<MailCatcher.CaughtMail> mailTo(String address, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mail.messagesTo(address).size() >= atLeast);
        return mail.messagesTo(address);
    }

    /** Posts {@code content} as the form's file field "file", with the CSRF token as the page's form sends it. */
    protected HttpResponse<String> upload(HttpClient client, String path, String csrf, String fileName, byte[] content) {
        String boundary = "----partnerskap" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes());
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes());
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // the token travels in the form body only, as the page's form sends it (never in the address)
        return send(client, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }
}
