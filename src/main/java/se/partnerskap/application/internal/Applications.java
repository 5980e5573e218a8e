package se.partnerskap.application.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.partnerskap.application.ApplicationStarted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.partnerskap.audit.Audit;
import se.partnerskap.identity.Memberships;
import se.partnerskap.programme.Components;
import se.partnerskap.programme.Programmes;
import se.partnerskap.programme.RoundDetails;
import se.partnerskap.programme.Rounds;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.PdfUpload;

/**
 * The application module's API: start a draft, load it for a member of its organisation, save its
 * sections (versioned per section; a save based on an old version is refused and kept), attachments.
 * Every method that takes a {@code userId} answers only for members of the lead organisation; for
 * anyone else the application does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Applications {

    private final Clock clock;
    private final Audit audit;
    private final Memberships memberships;
    private final Rounds rounds;
    private final Components components;
    private final SectionRules rules;
    private final ApplicationEventPublisher events;
    private final ApplicationRows stored;
    private final Programmes programmes;
    private final ApplicationForms forms;

    Applications(Clock clock, Audit audit, Memberships memberships, Rounds rounds, Components components,
            SectionRules rules, ApplicationEventPublisher events, ApplicationRows stored, Programmes programmes,
            ApplicationForms forms) {
        this.stored = stored;
        this.forms = forms;
        this.programmes = programmes;
        this.clock = clock;
        this.audit = audit;
        this.memberships = memberships;
        this.rounds = rounds;
        this.components = components;
        this.rules = rules;
        this.events = events;
    }

    /** Why a draft could not be started; the message key of the application bundle. */
    public static class StartRefused extends RuntimeException {
        private final String reason;

        public StartRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The organisations a user may apply for. */
    public List<UUID> organisationsOf(UUID userId) {
        return memberships.organisationsOf(userId);
    }

    /**
     * Starts a draft for {@code organisation} in {@code roundId} for {@code component}: only for a member,
     * only while the round is open by the server's clock and takes that component.
     */
    @Transactional
    public UUID start(UUID userId, String actor, UUID organisation, UUID roundId, String component) {
        if (!memberships.organisationsOf(userId).contains(organisation)) {
            throw new StartRefused("application.start.error.organisation");
        }
        RoundDetails round = openRound(roundId, component, true);
        // the draft is filled in on the programme's form as it is now; a later version does not change it
        ApplicationForm form = forms.latest(round.programme()).orElseThrow(() -> new StartRefused("application.start.error.round"));
        UUID id = UUID.randomUUID();
        stored.create(id, roundId, form, component, organisation, null, actor, clock.instant());
        audit.record(actor, "application.draft-created", "application", id.toString(), Map.of(
                "round", roundId.toString(), "component", component, "organisation", organisation.toString(),
                "form", form.version()));
        events.publishEvent(new ApplicationStarted(id, roundId, component, organisation));
        return id;
    }

    /**
     * Starts the person's own draft in a call of a programme that persons apply to (the fieldwork grant): only while
     * it is open, on the programme's form as it is now. One application per person and call (a unique index says so,
     * also for two starts at once): a second start gives the one already begun.
     */
    @Transactional
    public UUID startOwn(UUID userId, String actor, UUID roundId, String component) {
        RoundDetails round = openRound(roundId, component, false);
        Optional<UUID> begun = stored.ownIn(roundId, userId);
        if (begun.isPresent()) {
            return begun.get();
        }
        ApplicationForm form = forms.latest(round.programme()).orElseThrow(() -> new StartRefused("application.start.error.round"));
        UUID id = UUID.randomUUID();
        if (!stored.create(id, roundId, form, component, null, userId, actor, clock.instant())) {
            return stored.ownIn(roundId, userId).orElseThrow(); // begun at the same moment elsewhere
        }
        audit.record(actor, "application.draft-created", "application", id.toString(), Map.of(
                "round", roundId.toString(), "component", component, "applicant", userId.toString(),
                "form", form.version()));
        events.publishEvent(new ApplicationStarted(id, roundId, component, null));
        return id;
    }

    /**
     * The round to start a draft in: one of a programme organisations apply to (or persons, {@code forOrganisations}
     * false), open now by the server's clock, taking {@code component}; otherwise the reason as {@link StartRefused}.
     */
    private RoundDetails openRound(UUID roundId, String component, boolean forOrganisations) {
        // an organisation's form is not started in a call for people applying themselves, nor the other way round
        RoundDetails round = rounds.details(roundId)
                .filter(r -> programmes.forOrganisations(r.programme()) == forOrganisations)
                .orElseThrow(() -> new StartRefused("application.start.error.round"));
        if (!round.isOpenAt(clock.instant())) {
            throw new StartRefused("application.start.error.closed");
        }
        if (!round.components().contains(component)) {
            throw new StartRefused("application.start.error.component");
        }
        return round;
    }

    /**
     * The applications of the user's organisations, latest change first: those they lead and those they are
     * co-applicants of (which they may read, not change).
     */
    public List<ApplicationSummary> visibleTo(UUID userId) {
        return stored.visibleTo(memberships.organisationsOf(userId), userId);
    }

    /** One page of the applications led by the user's organisations, the latest changed first. */
    public record Led(List<ApplicationSummary> rows, int total) {
    }

    /**
     * The applications the user's organisations lead (not those they co-apply to), newest change first,
     * {@code size} from {@code offset}: read a page at a time, whatever the organisations' history.
     */
    public Led ledBy(UUID userId, int offset, int size) {
        return stored.ledBy(memberships.organisationsOf(userId), userId, offset, size);
    }

    /** The sections of {@code application} that apply in its round, in the task list's order. */
    public List<Section> sections(Application application) {
        ApplicationForm form = application.form();
        return rounds.details(application.roundId()).map(form::in).orElse(form.sections());
    }

    /** The section of its form a page address names (in either language), if it applies in its round. */
    public Optional<Section> section(Application application, String slug) {
        return application.form().ofSlug(slug).filter(sections(application)::contains);
    }

    /** The application if {@code userId} applies with it: its applicant, or a member of its lead organisation; otherwise empty. */
    public Optional<Application> load(UUID id, UUID userId) {
        return stored.find(id).filter(a -> a.ownedBy(userId, a.personal() ? List.of() : memberships.organisationsOf(userId)));
    }

    /**
     * The application if {@code userId} may read it: a member of its lead organisation or of one of its
     * co-applicant organisations (section applicant). Only the lead's members may change it ({@link #load}).
     */
    public Optional<Application> readable(UUID id, UUID userId) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        return stored.find(id).filter(a -> a.ownedBy(userId, orgs) || a.answers(Section.Kind.APPLICANT)
                .all("coApplicants").stream().anyMatch(o -> orgs.stream().anyMatch(m -> m.toString().equals(o))));
    }

    /**
     * The application for a page or a form of its lead organisation's member; for anyone else, and for one that
     * does not exist, not found (404), whatever the address.
     */
    public Application forMember(UUID id, UUID userId) {
        return load(id, userId).orElseThrow(NotFoundException::new);
    }

    /** The application for a page that reads it ({@link #readable}); for anyone else not found (404). */
    public Application forReader(UUID id, UUID userId) {
        return readable(id, userId).orElseThrow(NotFoundException::new);
    }

    /** Whether {@code userId} may change the application (edit, submit, withdraw): a member of its lead organisation. */
    public boolean leadMember(Application application, UUID userId) {
        return application.ownedBy(userId, application.personal() ? List.of() : memberships.organisationsOf(userId));
    }

    /**
     * Saves a section as typed, based on {@code version}. Invalid values refuse the whole save (nothing
     * stored); missing answers are stored and leave the section in progress; a save based on an older
     * version than the stored one is refused and the refused answers are kept as a conflict. {@code slug} names
     * the section of the application's form by its address in either language.
     */
    @Transactional
    public SaveResult saveSection(UUID id, UUID userId, String actor, String slug, Answers typed, int version) {
        // one statement reads what authorises the save: the application, locked (a submission, which takes it
        // FOR UPDATE, waits for running saves; two saves of one application take turns instead of deadlocking
        // on its change time, as two FOR SHARE locks did), and whether the user is a member of its lead
        ApplicationRows.Locked head = stored.lockForSave(id, userId, actor).orElseThrow(NotFound::new);
        Section section = head.application().form().ofSlug(slug).orElseThrow(NotFound::new);
        if (section.is(Section.Kind.ATTACHMENTS)) {
            throw new NotFound(); // attachments are added one by one
        }
        Application application = rules.readsOtherSections(section) // the budget's limit reads the other sections
                ? head.application().with(stored.sectionsOf(id)) : head.application();
        if (!application.isEditable()) {
            throw new Application.NotEditableException(id);
        }
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        if (!application.form().in(round).contains(section)) {
            throw new NotFound(); // the round asks no extra questions
        }
        if (!round.isOpenAt(clock.instant())) { // submission: after the deadline drafts are read-only
            throw new DeadlinePassedException(id);
        }
        Answers answers = typed.only(rules.fields(section, round));
        SectionRules.Check check = rules.check(section, answers, application, round);
        if (!check.invalid().isEmpty()) {
            return new SaveResult.Invalid(check.invalid());
        }
        SectionState state = answers.blank() ? SectionState.NOT_STARTED
                : check.remaining().isEmpty() ? SectionState.COMPLETED : SectionState.IN_PROGRESS;
        Instant now = clock.instant();
        String title = titleIn(section, answers);
        // the section only if nobody saved it since {@code version}, and with it the application's change time
        int rows = stored.saveSection(id, section, version, answers, state, title, actor, now);
        if (rows == 0) {
            SectionAnswers current = stored.find(id).orElseThrow().section(section);
            stored.keepConflict(id, section, answers, version, current.version(), actor, now);
            audit.record(actor, "application.section-conflict", "application", id.toString(), Map.of(
                    "section", section.key(), "basedOn", version, "saved", current.version()));
            return new SaveResult.Conflict(current, answers);
        }
        if (head.openConflict(section)) { // this save settles the person's refused one
            stored.resolveConflict(id, section, actor, now);
        }
        audit.record(actor, "application.section-saved", "application", id.toString(), Map.of(
                "section", section.key(), "version", version + 1, "state", state.key()));
        return new SaveResult.Saved(version + 1, now, state, check.remaining());
    }

    /**
     * The application's title if this section names it: the partnership's challenge section by its title, a form
     * of data by the question with the key {@code title}; null for any other section (the title stays).
     */
    static String titleIn(Section section, Answers answers) {
        if (section.is(Section.Kind.CHALLENGE)) {
            return answers.one("title").strip();
        }
        boolean names = section.is(Section.Kind.QUESTIONS)
                && section.questions().stream().anyMatch(q -> TITLE_QUESTION.equals(q.key()));
        return names ? answers.one("q." + TITLE_QUESTION).strip() : null;
    }

    /** The key of the question of a form's own that names the application. */
    public static final String TITLE_QUESTION = "title";

    /** What the rules say about a section as stored (for the page and "check your answers"). */
    public Map<String, Problem> remaining(Application application, Section section) {
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        SectionRules.Check check = rules.check(section, application.section(section).answers(), application, round);
        Map<String, Problem> all = new LinkedHashMap<>(check.invalid());
        all.putAll(check.remaining());
        return all;
    }

    /** The refused save of {@code actor} in a section, if one is open. */
    public Optional<Answers> openConflict(UUID id, UUID userId, Section section, String actor) {
        load(id, userId).orElseThrow(NotFound::new);
        return stored.openConflict(id, section, actor);
    }

    /** Drops the refused save of {@code actor} in a section: the saved version stays. */
    @Transactional
    public void discardConflict(UUID id, UUID userId, Section section, String actor) {
        load(id, userId).orElseThrow(NotFound::new);
        if (stored.resolveConflict(id, section, actor, clock.instant()) > 0) {
            audit.record(actor, "application.conflict-discarded", "application", id.toString(), Map.of("section", section.key()));
        }
    }

    /** The budget's total and requested amount against the component's maximum. */
    public BudgetLimit budgetLimit(Application application) {
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        return rules.limit(application, round);
    }

    /** An attachment was refused; the message key says why. */
    public static class AttachmentRefused extends RuntimeException {
        private final String reason;

        public AttachmentRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The application does not exist for this user. */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super("No such application");
        }
    }

    /** Adds a PDF, checked by its content (not its name) and size. */
    @Transactional
    public AttachmentInfo attach(UUID id, UUID userId, String actor, String fileName, byte[] content) {
        Application application = load(id, userId).orElseThrow(NotFound::new);
        application.assertEditable();
        if (!rounds.details(application.roundId()).orElseThrow().isOpenAt(clock.instant())) { // submission: read-only
            throw new DeadlinePassedException(id);
        }
        PdfUpload upload;
        try {
            upload = PdfUpload.of(fileName, content);
            PdfUpload.roomFor(application.attachments().size());
        } catch (PdfUpload.Refused refused) {
            throw new AttachmentRefused(refused.messageKey("application.attachments.error"));
        }
        String name = upload.fileName();
        String sha = upload.sha256();
        UUID attachmentId = UUID.randomUUID();
        Instant now = clock.instant();
        stored.addAttachment(attachmentId, id, attachmentsOf(application), upload, actor, now);
        audit.record(actor, "application.attachment-added", "application", id.toString(), Map.of(
                "attachment", attachmentId.toString(), "name", name, "size", content.length, "sha256", sha));
        return new AttachmentInfo(attachmentId, name, content.length, sha, actor, now);
    }

    @Transactional
    public void removeAttachment(UUID id, UUID userId, String actor, UUID attachmentId) {
        Application application = load(id, userId).orElseThrow(NotFound::new);
        application.assertEditable();
        if (!rounds.details(application.roundId()).orElseThrow().isOpenAt(clock.instant())) { // submission: read-only
            throw new DeadlinePassedException(id);
        }
        AttachmentInfo info = application.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(NotFound::new);
        Instant now = clock.instant();
        stored.removeAttachment(attachmentId, id, attachmentsOf(application), actor, now);
        audit.record(actor, "application.attachment-removed", "application", id.toString(), Map.of(
                "attachment", attachmentId.toString(), "name", info.fileName(), "sha256", info.sha256()));
    }

    /** The form's attachments section; a form without one takes no files. */
    private static Section attachmentsOf(Application application) {
        return application.form().of(Section.Kind.ATTACHMENTS).orElseThrow(NotFound::new);
    }

    /** An attachment with its content, for a member of the lead or of a co-applicant only. */
    public Optional<AttachmentFile> attachment(UUID id, UUID userId, UUID attachmentId) {
        if (readable(id, userId).isEmpty()) {
            return Optional.empty();
        }
        return stored.attachment(id, attachmentId);
    }

    /** The components a round takes, for the start form. */
    public List<se.partnerskap.programme.Component> components(RoundDetails round) {
        return components.all(round.programme()).stream().filter(c -> round.components().contains(c.key())).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
