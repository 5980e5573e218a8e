package se.partnerskap.application.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import se.partnerskap.programme.RoundDetails;
import se.partnerskap.shared.Language;

/** The parts of an application that are filled in and saved separately, in the task list's order. */
public enum Section {
    APPLICANT("applicant", "sokande", "applicant"),
    PARTNERS("partners", "partner", "partners"),
    CORE_AREAS("core-areas", "karnomraden", "core-areas"),
    CHALLENGE("challenge", "utmaning", "challenge"),
    ACTIVITIES("activities", "aktiviteter", "activities"),
    BUDGET("budget", "budget", "budget"),
    ATTACHMENTS("attachments", "bilagor", "attachments"),
    QUESTIONS("questions", "fragor", "questions");

    private final String key;
    private final String slugSv;
    private final String slugEn;

    Section(String key, String slugSv, String slugEn) {
        this.key = key;
        this.slugSv = slugSv;
        this.slugEn = slugEn;
    }

    /** The key stored in the database and used in message keys. */
    public String key() {
        return key;
    }

    /** The last segment of the section page's address in a language. */
    public String slug(Language language) {
        return language == Language.EN ? slugEn : slugSv;
    }

    /**
     * The sections an application in {@code round} has, in order: the round's own questions only when it
     * asks some. A section that does not apply is neither listed nor counted nor required.
     */
    public static List<Section> in(RoundDetails round) {
        return Arrays.stream(values()).filter(s -> s.appliesTo(round)).toList();
    }

    public boolean appliesTo(RoundDetails round) {
        return this != QUESTIONS || !round.questions().isEmpty();
    }

    public static Optional<Section> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** By the address segment in either language (the language switcher keeps the segment). */
    public static Optional<Section> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slugSv.equals(slug) || s.slugEn.equals(slug)).findFirst();
    }
}
