package se.partnerskap.newsroom.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.programme.ContactPerson;
import se.partnerskap.programme.ContactPersons;
import se.partnerskap.programme.Programmes;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;

/**
 * The news form's rules ({@link NewsEditor} binds the form and shows what this finds): type and language
 * known, a title and an address (made from the title when left empty, unique per language), lengths, the
 * translation's language, an image with its description, dates and times in Stockholm time, contacts, tags
 * and project keys that exist, a scheduled time in the future.
 */
@Component
class NewsFormCheck {

    static final int TITLE_MAX = 300;
    static final int LEAD_MAX = 2_000;
    static final int BODY_MAX = 100_000;

    private final NewsItems items;
    private final ContactPersons contactPersons;
    private final FundedPartnerships funded;

    NewsFormCheck(NewsItems items, ContactPersons contactPersons, FundedPartnerships funded) {
        this.items = items;
        this.contactPersons = contactPersons;
        this.funded = funded;
    }

    /** Checks the form; returns what to store, or null with {@code errors} filled (field -> message key). */
    NewsItems.Content check(NewsForm f, NewsItem saved, String action, Map<String, String> errors) {
        String type = NewsItem.isType(f.type()) ? f.type() : null;
        if (type == null) {
            errors.put("type", "newsroom.error.type");
        }
        Language language = "en".equals(f.language()) ? Language.EN : "sv".equals(f.language()) ? Language.SV : null;
        if (language == null) {
            errors.put("language", "newsroom.error.language");
        }
        String title = strip(f.title());
        if (title.isEmpty()) {
            errors.put("title", "newsroom.error.title.required");
        } else if (title.length() > TITLE_MAX) {
            errors.put("title", "newsroom.error.title.tooLong");
        }
        String lead = strip(f.lead());
        if (lead.length() > LEAD_MAX) {
            errors.put("lead", "newsroom.error.lead.tooLong");
        }
        if (f.body() != null && f.body().length() > BODY_MAX) {
            errors.put("body", "newsroom.error.body.tooLong");
        }
        String slug = strip(f.slug());
        if (slug.isEmpty()) {
            slug = NewsForm.slugOf(title);
            if (language != null && !slug.isEmpty()) {
                String base = slug;
                for (int n = 2; items.slugTaken(language, slug, saved == null ? null : saved.id()); n++) {
                    slug = base + "-" + n;
                }
            }
        } else if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 120) {
            errors.put("slug", "newsroom.error.slug.format");
        } else if (language != null && items.slugTaken(language, slug, saved == null ? null : saved.id())) {
            errors.put("slug", "newsroom.error.slug.taken");
        }
        if (slug.isEmpty() && !errors.containsKey("title")) {
            errors.put("slug", "newsroom.error.slug.format");
        }
        UUID translationOf = null;
        if (f.translationOf() != null && !f.translationOf().isBlank()) {
            NewsItem other = uuid(f.translationOf()).flatMap(items::find).orElse(null);
            if (other == null || language == null || other.language().equals(language.code())) {
                errors.put("translationOf", "newsroom.error.translation.language");
            } else {
                NewsItem already = items.translation(other).orElse(null);
                if (already != null && (saved == null || !already.id().equals(saved.id()))) {
                    errors.put("translationOf", "newsroom.error.translation.taken");
                } else {
                    translationOf = other.id();
                }
            }
        }
        String imageUrl = strip(f.imageUrl());
        String imageAlt = strip(f.imageAlt());
        if (!imageUrl.isEmpty()) {
            if (!imageUrl.matches("(https?://|/)[^\\s\"'<>]+")) {
                errors.put("imageUrl", "newsroom.error.image.url");
            }
            if (imageAlt.isEmpty()) {
                errors.put("imageAlt", "newsroom.error.image.alt");
            }
        }
        Instant eventStartsAt = null;
        if (!strip(f.eventDate()).isEmpty() || !strip(f.eventTime()).isEmpty()) {
            LocalDate d = NewsForm.date(f.eventDate());
            LocalTime t = strip(f.eventTime()).isEmpty() ? LocalTime.MIDNIGHT : NewsForm.time(f.eventTime());
            if (d == null || t == null) {
                errors.put("eventDate", "newsroom.error.event.date");
            } else {
                eventStartsAt = d.atTime(t).atZone(StockholmTime.ZONE).toInstant();
            }
        }
        Integer year = null;
        if (!strip(f.publicationYear()).isEmpty()) {
            int y = parseInt(strip(f.publicationYear()), -1);
            if (y < 1800 || y > 2200) {
                errors.put("publicationYear", "newsroom.error.year");
            } else {
                year = y;
            }
        }
        List<String> authors = lines(f.authors());
        Set<String> knownTags = items.tags().stream().map(NewsTag::key).collect(Collectors.toSet());
        List<String> tags = f.tags().stream().filter(knownTags::contains).distinct().toList();
        List<NewsItem.NewsContact> contacts = new ArrayList<>();
        Map<String, ContactPerson> programmeContacts = programmeContacts().stream()
                .collect(Collectors.toMap(ContactPerson::key, c -> c, (a, b) -> a, LinkedHashMap::new));
        for (String key : f.programmeContacts()) {
            ContactPerson p = programmeContacts.get(key);
            if (p != null) {
                contacts.add(new NewsItem.NewsContact(p.name(), "", "", "", Programmes.MUNICIPAL_PARTNERSHIP, p.key()));
            }
        }
        for (int i = 0; i < NewsForm.CONTACT_ROWS; i++) {
            String name = strip(f.contactName().get(i));
            String role = strip(f.contactRole().get(i));
            String phone = strip(f.contactPhone().get(i));
            String email = strip(f.contactEmail().get(i));
            if (name.isEmpty() && role.isEmpty() && phone.isEmpty() && email.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                errors.putIfAbsent("contactName" + (i + 1), "newsroom.error.contact.name");
            }
            if (!email.isEmpty() && !se.partnerskap.shared.EmailAddress.isValid(email)) {
                errors.putIfAbsent("contactEmail" + (i + 1), "newsroom.error.contact.email");
            }
            if (!phone.isEmpty() && !phone.matches("[0-9+ ()\\-]{5,30}")) {
                errors.putIfAbsent("contactPhone" + (i + 1), "newsroom.error.contact.phone");
            }
            contacts.add(new NewsItem.NewsContact(name, role, phone, email, null, null));
        }
        List<String> projects = lines(f.projects());
        for (String p : projects) {
            if (funded.byKey(p).isEmpty()) {
                errors.putIfAbsent("projects", "newsroom.error.project");
            }
        }
        if ("schedule".equals(action)) {
            Instant at = scheduleAt(f);
            if (at == null) {
                errors.put("scheduleDate", "newsroom.error.schedule.date");
            } else if (!at.isAfter(items.now())) {
                errors.put("scheduleDate", "newsroom.error.schedule.past");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new NewsItems.Content(type, language, translationOf, slug, title, lead, f.body(), blankToNull(imageUrl),
                blankToNull(imageAlt), blankToNull(strip(f.imageCaption())), blankToNull(strip(f.imageCredit())),
                eventStartsAt, blankToNull(strip(f.eventLocation())), authors, year, blankToNull(strip(f.citation())),
                blankToNull(strip(f.abstractText())), tags, contacts, projects);
    }

    static Instant scheduleAt(NewsForm f) {
        LocalDate d = NewsForm.date(f.scheduleDate());
        LocalTime t = NewsForm.time(f.scheduleTime());
        return d == null || t == null ? null : d.atTime(t).atZone(StockholmTime.ZONE).toInstant();
    }

    /** The programme's contact persons, offered as the item's contacts. */
    List<ContactPerson> programmeContacts() {
        return contactPersons.of(Programmes.MUNICIPAL_PARTNERSHIP);
    }

    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static List<String> lines(String s) {
        return s == null ? List.of() : s.lines().map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
