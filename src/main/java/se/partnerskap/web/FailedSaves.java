package se.partnerskap.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form save (an application section or a report, posted by its button or without JavaScript)
 * that fails because the database is away loses nothing typed: when the failure comes before the
 * controller can show the form again — the login session itself cannot be read — the answer is a
 * page (503) that keeps every posted field and sends them again with "Försök igen" (docs/autosave.md).
 * Outside Spring Session's filter, so it needs no database; it shows only what the same browser has
 * just posted, escaped. htmx autosaves are left to their 5xx (the page's script retries them).
 */
@Component
// after PageReplay and inside web.DatabaseUnavailable (+ 2), so a save keeps its text before the general
// 503 page takes over; before Spring Session (HIGHEST_PRECEDENCE + 50)
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class FailedSaves extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedSaves.class);

    private static final Pattern FORM_SAVE = Pattern.compile(
            "/(ansokningar|en/applications)/[0-9a-fA-F-]{36}/[a-z-]{1,40}"
                    + "|/(mina-projekt|en/my-projects)/[^/]{1,100}/(redovisningar|reports)/[0-9a-fA-F-]{36}");

    /** One posted value, sent again as it came. */
    public record Field(String name, String value) {
    }

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final LanguagePaths paths;
    private final DemoMode demo;

    FailedSaves(TemplateEngine templates, MessageSource messages, LanguagePaths paths, DemoMode demo) {
        this.templates = templates;
        this.messages = messages;
        this.paths = paths;
        this.demo = demo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader("HX-Request") != null || type == null
                || !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || !FORM_SAVE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // read before anything else: the body can be read only once
        Map<String, String[]> posted = new HashMap<>(request.getParameterMap());
        List<Field> fields = new ArrayList<>();
        posted.forEach((name, values) -> {
            for (String v : values) {
                fields.add(new Field(name, v));
            }
        });
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!fromTheDatabase(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("A form save to {} failed in the database; its fields are shown again: {}", request.getRequestURI(),
                    e.toString());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Retry-After", "10");
            response.setHeader("Cache-Control", "no-store");
            Ui ui = UiAdvice.build(request, messages, paths, demo);
            Utf8ByteOutput out = new Utf8ByteOutput();
            templates.render("web/save-kept.jte", Map.of("ui", ui, "action", request.getRequestURI(),
                    "fields", fields), out);
            response.setContentLength(out.getContentLength());
            out.writeTo(response.getOutputStream());
        }
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
