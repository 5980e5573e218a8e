package se.partnerskap.newsroom.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import se.partnerskap.shared.StockholmTime;

/** The editor's form as typed: every field a string, so that nothing typed is lost on an error. */
public record NewsForm(String id, String version, String type, String language, String translationOf, String slug,
        String title, String lead, String body, String imageUrl, String imageAlt, String imageCaption,
        String imageCredit, String eventDate, String eventTime, String eventLocation, String authors,
        String publicationYear, String citation, String abstractText, List<String> tags,
        List<String> programmeContacts, List<String> contactName, List<String> contactRole, List<String> contactPhone,
        List<String> contactEmail, String projects, String scheduleDate, String scheduleTime, String action) {

    public static final int CONTACT_ROWS = 3;

    public NewsForm {
        tags = tags == null ? List.of() : List.copyOf(tags);
        programmeContacts = programmeContacts == null ? List.of() : List.copyOf(programmeContacts);
        contactName = rows(contactName);
        contactRole = rows(contactRole);
        contactPhone = rows(contactPhone);
        contactEmail = rows(contactEmail);
    }

    private static List<String> rows(List<String> typed) {
        String[] out = new String[CONTACT_ROWS];
        for (int i = 0; i < CONTACT_ROWS; i++) {
            out[i] = typed != null && i < typed.size() && typed.get(i) != null ? typed.get(i) : "";
        }
        return List.of(out);
    }

    /** The form of an item as stored. */
    static NewsForm of(NewsItem i) {
        List<NewsItem.NewsContact> typed = i.contacts().stream().filter(c -> !c.keyed()).toList();
        String eventDate = "";
        String eventTime = "";
        if (i.eventStartsAt() != null) {
            var at = StockholmTime.at(i.eventStartsAt());
            eventDate = at.toLocalDate().toString();
            eventTime = at.toLocalTime().toString();
        }
        String scheduleDate = "";
        String scheduleTime = "";
        if (i.publishAt() != null) {
            var at = StockholmTime.at(i.publishAt());
            scheduleDate = at.toLocalDate().toString();
            scheduleTime = at.toLocalTime().toString();
        }
        return new NewsForm(i.id().toString(), String.valueOf(i.version()), i.type(), i.language(), null, i.slug(),
                i.title(), i.lead(), i.bodyHtml(), nz(i.imageUrl()), nz(i.imageAlt()), nz(i.imageCaption()),
                nz(i.imageCredit()), eventDate, eventTime, nz(i.eventLocation()), String.join("\n", i.authors()),
                i.publicationYear() == null ? "" : i.publicationYear().toString(), nz(i.citation()),
                nz(i.abstractText()), i.tags(), i.contacts().stream().filter(NewsItem.NewsContact::keyed)
                        .map(NewsItem.NewsContact::key).toList(),
                typed.stream().map(NewsItem.NewsContact::name).toList(),
                typed.stream().map(NewsItem.NewsContact::role).toList(),
                typed.stream().map(NewsItem.NewsContact::phone).toList(),
                typed.stream().map(NewsItem.NewsContact::email).toList(), String.join("\n", i.projects()),
                scheduleDate, scheduleTime, null);
    }

    /**
     * A new item that translates {@code original}: in the other language, linked to it, with what needs no
     * translation (image, dates, authors, tags, contacts, projects) taken over and every text left to write.
     */
    static NewsForm translationOf(NewsItem original) {
        NewsForm form = of(original);
        return new NewsForm(null, "0", original.type(), original.lang().other().code(), original.id().toString(), "",
                "", "", "", form.imageUrl(), "", "", form.imageCredit(), form.eventDate(), form.eventTime(), "",
                form.authors(), form.publicationYear(), form.citation(), "", form.tags(), form.programmeContacts(),
                form.contactName(), List.of(), form.contactPhone(), form.contactEmail(), form.projects(), "", "", null);
    }

    static NewsForm blank(String language) {
        return new NewsForm(null, "0", "press-release", language, null, "", "", "", "", "", "", "", "", "", "", "",
                "", "", "", "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "", "", "", null);
    }

    NewsForm withVersion(int v) {
        return new NewsForm(id, String.valueOf(v), type, language, translationOf, slug, title, lead, body, imageUrl,
                imageAlt, imageCaption, imageCredit, eventDate, eventTime, eventLocation, authors, publicationYear,
                citation, abstractText, tags, programmeContacts, contactName, contactRole, contactPhone, contactEmail,
                projects, scheduleDate, scheduleTime, action);
    }

    NewsForm withTranslationOf(String t) {
        return new NewsForm(id, version, type, language, t, slug, title, lead, body, imageUrl, imageAlt, imageCaption,
                imageCredit, eventDate, eventTime, eventLocation, authors, publicationYear, citation, abstractText, tags,
                programmeContacts, contactName, contactRole, contactPhone, contactEmail, projects, scheduleDate,
                scheduleTime, action);
    }

    /** "Miljonsatsning på stärkt demokratisamarbete" -> "miljonsatsning-pa-starkt-demokratisamarbete". */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae")
                .replace("ø", "o").replace("đ", "d");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug;
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalTime.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
