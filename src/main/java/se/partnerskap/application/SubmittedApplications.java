package se.partnerskap.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.application.internal.ApplicationForm;
import se.partnerskap.application.internal.ApplicationForms;
import se.partnerskap.application.internal.Applications;
import se.partnerskap.application.internal.Confirmations;
import se.partnerskap.application.internal.Section;
import se.partnerskap.application.internal.NumberedRows;
import se.partnerskap.application.internal.SectionRules;
import se.partnerskap.identity.People;
import se.partnerskap.notification.Recipient;
import se.partnerskap.shared.Language;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read access to submitted applications for the people who assess them (the caller checks the role).
 * A submitted application cannot change, so its sections are what was sent.
 */
@Service
@Transactional(readOnly = true)
public class SubmittedApplications {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final People people;
    private final Applications applications;
    private final ApplicationForms forms;
    private final Confirmations confirmations;

    SubmittedApplications(JdbcClient jdbc, JsonMapper json, People people, Applications applications,
            ApplicationForms forms, Confirmations confirmations) {
        this.forms = forms;
        this.confirmations = confirmations;
        this.jdbc = jdbc;
        this.json = json;
        this.people = people;
        this.applications = applications;
    }

    private static final String SELECT = """
            SELECT a.id, a.round_id, a.programme_key, a.form_version, a.reference, a.title, a.lead_organisation_id,
                   a.applicant_user_id, (SELECT u.display_name FROM app_user u WHERE u.id = a.applicant_user_id) AS applicant_name,
                   a.submitted_at,
                   (SELECT s.language FROM submission s WHERE s.application_id = a.id ORDER BY s.version DESC LIMIT 1) AS language,
                   (SELECT (s.snapshot -> 'budget' ->> 'requested')::bigint FROM submission s WHERE s.application_id = a.id
                     ORDER BY s.version DESC LIMIT 1) AS requested,
                   -- the partnership's sections that name partners, countries and core areas; a person's short form whole
                   (SELECT jsonb_object_agg(x.section_key, x.answers)::text FROM application_section x
                     WHERE x.application_id = a.id AND (x.section_key IN ('partners', 'core-areas', 'budget')
                                                        OR a.applicant_user_id IS NOT NULL)) AS answers
            FROM application a WHERE a.status = 'submitted'
            """;

    /**
     * The submitted application if {@code userId} may read it: a member of its lead organisation or of a
     * co-applicant organisation (as the applicant's own pages); otherwise empty, as if it did not exist.
     */
    public Optional<SubmittedApplication> readableBy(UUID id, UUID userId) {
        return applications.readable(id, userId).isPresent() ? find(id) : Optional.empty();
    }

    /**
     * What a public list of grantees may show of the application, if its form says (rule {@code publicListing}):
     * the answer to the consent question and the affiliation; empty for a form without the rule.
     */
    public Optional<GranteeListing> listing(UUID applicationId) {
        return jdbc.sql("SELECT programme_key, form_version FROM application WHERE id = ?").param(applicationId)
                .query((rs, i) -> forms.of(rs.getString(1), rs.getInt(2))).optional()
                .flatMap(form -> Optional.ofNullable(form.rules().publicListing()).map(rule -> new GranteeListing(
                        "yes".equals(answer(applicationId, form, rule.consent())),
                        answer(applicationId, form, rule.affiliation()))));
    }

    private String answer(UUID applicationId, ApplicationForm form, String questionKey) {
        return form.sectionAsking(questionKey).flatMap(section -> jdbc.sql("""
                SELECT answers -> ? ->> 0 FROM application_section WHERE application_id = ? AND section_key = ?
                """).params("q." + questionKey, applicationId, section.key()).query(String.class).optional())
                .map(String::strip).orElse("");
    }

    /** The confirmations asked of the people the application names (none for a form without the rule). */
    public List<Confirmation> confirmations(UUID applicationId) {
        return confirmations.of(applicationId).stream().map(r -> new Confirmation(r.name(), r.email(), r.expiresAt(),
                r.answeredAt(), r.supports())).toList();
    }

    /** Every submitted application of these rounds (one query however many), by round and reference. */
    public List<SubmittedApplication> ofRounds(java.util.Collection<UUID> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " AND a.round_id = ANY(?) ORDER BY a.round_id, a.reference")
                .param(roundIds.toArray(UUID[]::new)).query((rs, i) -> map(rs)).list();
    }

    /** Every submitted application of a round, by reference. */
    public List<SubmittedApplication> ofRound(UUID roundId) {
        return jdbc.sql(SELECT + " AND a.round_id = ? ORDER BY a.reference").param(roundId)
                .query((rs, i) -> map(rs)).list();
    }

    /** The reference numbers (diarienummer) of those of {@code ids} that have one, by application. */
    public Map<UUID, String> references(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> references = new java.util.HashMap<>();
        jdbc.sql("SELECT id, reference FROM application WHERE reference IS NOT NULL AND id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    references.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return references;
    }

    /** One submitted application. */
    public Optional<SubmittedApplication> find(UUID id) {
        return jdbc.sql(SELECT + " AND a.id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /**
     * Whom to tell about an application (its decision, its reports): the person who submitted it (by the
     * name and in the language of their account) and the contact persons named in the applicant section of
     * its latest snapshot (by the name typed there, in the language the application was submitted in, or
     * their account's when they have one), each address once.
     */
    public List<Recipient> recipients(UUID applicationId) {
        return jdbc.sql("""
                SELECT snapshot::text, submitted_by, language FROM submission
                WHERE application_id = ? ORDER BY version DESC LIMIT 1
                """).param(applicationId).query((rs, i) -> recipients(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(List.of());
    }

    /** As {@link #recipients(UUID)}, from one submission (its receipt names whom that version names). */
    public List<Recipient> recipientsOfSubmission(UUID submissionId) {
        return jdbc.sql("SELECT snapshot::text, submitted_by, language FROM submission WHERE id = ?").param(submissionId)
                .query((rs, i) -> recipients(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(List.of());
    }

    /** The addresses of {@link #recipients(UUID)}. */
    public List<String> contactAddresses(UUID applicationId) {
        return recipients(applicationId).stream().map(Recipient::email).toList();
    }

    private List<Recipient> recipients(String snapshot, String submittedBy, String languageCode) {
        Language language = Language.ofCode(languageCode);
        List<Recipient> all = new ArrayList<>();
        if (submittedBy != null && !submittedBy.isBlank()) {
            all.add(people.recipient(submittedBy, "", language));
        }
        tools.jackson.databind.JsonNode answers = json.readTree(snapshot).path("sections").path("applicant")
                .path("answers");
        for (String contact : List.of("contact", "contact2")) {
            String address = answers.path(contact + "Email").path(0).asString("").strip();
            if (!address.isEmpty()) {
                all.add(people.recipient(address, answers.path(contact + "Name").path(0).asString(""), language));
            }
        }
        return Recipient.distinct(all);
    }

    /** The theme the applicant gave its partnership (section core-areas), if any. */
    public Optional<String> theme(UUID applicationId) {
        return jdbc.sql("""
                SELECT answers -> 'theme' ->> 0 FROM application_section
                WHERE application_id = ? AND section_key = 'core-areas'
                """).param(applicationId).query(String.class).optional().filter(t -> t != null && !t.isBlank())
                .map(String::strip);
    }

    /**
     * The project's title in the language other than the one the application was sent in (section
     * challenge, optional), if the applicant gave one.
     */
    public Optional<String> titleInOtherLanguage(UUID applicationId) {
        return jdbc.sql("""
                SELECT answers -> 'titleOther' ->> 0 FROM application_section
                WHERE application_id = ? AND section_key = 'challenge'
                """).param(applicationId).query(String.class).optional().filter(t -> t != null && !t.isBlank())
                .map(String::strip);
    }

    /**
     * The cost lines, contacts and years of a submitted application, as sent (its sections cannot change
     * after submission), for the project a grant makes of it.
     */
    public Optional<SubmittedPlan> plan(UUID applicationId) {
        return jdbc.sql("""
                SELECT (SELECT jsonb_object_agg(x.section_key, x.answers)::text FROM application_section x
                         WHERE x.application_id = a.id AND x.section_key IN ('applicant', 'partners', 'activities', 'budget'))
                FROM application a WHERE a.status = 'submitted' AND a.id = ?
                """).param(applicationId).query((rs, i) -> {
                    String text = rs.getString(1);
                    Map<String, Map<String, List<String>>> sections = text == null ? Map.of()
                            : json.readValue(text, new TypeReference<Map<String, Map<String, List<String>>>>() {
                            });
                    Map<String, List<String>> budget = sections.getOrDefault("budget", Map.of());
                    List<SubmittedPlan.CostLine> lines = new ArrayList<>();
                    for (int n : NumberedRows.LINE.numbers(budget)) {
                        String l = "line" + n;
                        Optional<String> category = first(budget, l + "Category");
                        OptionalLong amount = first(budget, l + "Amount").map(SectionRules::sek).orElse(OptionalLong.empty());
                        if (category.isPresent() || amount.isPresent()) {
                            lines.add(new SubmittedPlan.CostLine(category.orElse("other"),
                                    first(budget, l + "Description").orElse(""), first(budget, l + "Party").orElse(""),
                                    amount.orElse(0)));
                        }
                    }
                    Map<String, List<String>> applicant = sections.getOrDefault("applicant", Map.of());
                    List<SubmittedPlan.Contact> contacts = new ArrayList<>();
                    first(applicant, "contactName").ifPresent(name -> contacts.add(new SubmittedPlan.Contact(name,
                            first(applicant, "contactRole").orElse(""), first(applicant, "contactEmail").orElse(""),
                            first(applicant, "contactPhone").orElse(""))));
                    first(applicant, "contact2Name").ifPresent(name -> contacts.add(new SubmittedPlan.Contact(name, "",
                            first(applicant, "contact2Email").orElse(""), "")));
                    Map<String, List<String>> partners = sections.getOrDefault("partners", Map.of());
                    for (int n : NumberedRows.PARTNER.numbers(partners)) {
                        String p = "partner" + n;
                        first(partners, p + "ContactName").ifPresent(name -> contacts.add(new SubmittedPlan.Contact(name,
                                first(partners, p + "Name").orElse(""), first(partners, p + "ContactEmail").orElse(""), "")));
                    }
                    java.util.OptionalInt years = first(sections.getOrDefault("activities", Map.of()), "years")
                            .filter(y -> y.matches("\\d{1,2}")).map(y -> java.util.OptionalInt.of(Integer.parseInt(y)))
                            .orElse(java.util.OptionalInt.empty());
                    return new SubmittedPlan(lines, contacts, years);
                }).optional();
    }

    private SubmittedApplication map(ResultSet rs) throws SQLException {
        String text = rs.getString("answers");
        Map<String, Map<String, List<String>>> sections = text == null ? Map.of()
                : json.readValue(text, new TypeReference<Map<String, Map<String, List<String>>>>() {
                });
        Map<String, List<String>> partners = sections.getOrDefault("partners", Map.of());
        List<String> names = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (int n : NumberedRows.PARTNER.numbers(partners)) {
            first(partners, "partner" + n + "Name").ifPresent(names::add);
            first(partners, "partner" + n + "Country").filter(c -> !countries.contains(c)).ifPresent(countries::add);
        }
        List<String> coreAreas = sections.getOrDefault("core-areas", Map.of()).getOrDefault("coreAreas", List.of())
                .stream().filter(s -> !s.isBlank()).toList();
        // a form of data names its countries in its country questions (the fieldwork grant: where the fieldwork is)
        ApplicationForm form = forms.of(rs.getString("programme_key"), rs.getInt("form_version"));
        for (Section s : form.sections()) {
            s.questions().stream().filter(q -> "country".equals(q.type()))
                    .forEach(q -> first(sections.getOrDefault(s.key(), Map.of()), "q." + q.key())
                            .filter(c -> !countries.contains(c)).ifPresent(countries::add));
        }
        // the amount applied for as the submission recorded it; the budget section's as typed for an older snapshot
        long snapshotRequested = rs.getLong("requested");
        OptionalLong requested = !rs.wasNull() ? OptionalLong.of(snapshotRequested)
                : first(sections.getOrDefault("budget", Map.of()), "requested").map(SectionRules::sek).orElse(OptionalLong.empty());
        String language = rs.getString("language");
        return new SubmittedApplication(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getString("programme_key"), rs.getString("reference"), rs.getString("title"),
                rs.getObject("lead_organisation_id", UUID.class), rs.getObject("applicant_user_id", UUID.class),
                rs.getString("applicant_name") == null ? "" : rs.getString("applicant_name"), List.copyOf(names),
                List.copyOf(countries), coreAreas, requested.orElse(0), language == null ? "sv" : language,
                rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant());
    }

    private static Optional<String> first(Map<String, List<String>> answers, String field) {
        List<String> values = answers.get(field);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? Optional.empty()
                : Optional.of(values.getFirst().strip());
    }
}
