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

    Applications(Clock clock, Audit audit, Memberships memberships, Rounds rounds, Components components,
            SectionRules rules, ApplicationEventPublisher events, ApplicationRows stored, Programmes programmes) {
        this.stored = stored;
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
        RoundDetails round = rounds.details(roundId)
                // this form is an organisation's; a call for people applying themselves is not started with it
                .filter(r -> programmes.forOrganisations(r.programme()))
                .orElseThrow(() -> new StartRefused("application.start.error.round"));
        Instant now = clock.instant();
        if (!round.isOpenAt(now)) {
            throw new StartRefused("application.start.error.closed");
        }
        if (!round.components().contains(component)) {
            throw new StartRefused("application.start.error.component");
        }
        UUID id = UUID.randomUUID();
        stored.create(id, roundId, round.programme(), component, organisation, actor, now);
        audit.record(actor, "application.draft-created", "application", id.toString(), Map.of(
                "round", roundId.toString(), "component", component, "organisation", organisation.toString()));
        events.publishEvent(new ApplicationStarted(id, roundId, component, organisation));
        return id;
    }

    /**
     * The applications of the user's organisations, latest change first: those they lead and those they are
     * co-applicants of (which they may read, not change).
     */
    public List<ApplicationSummary> visibleTo(UUID userId) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        if (orgs.isEmpty()) {
            return List.of();
        }
        return stored.visibleTo(orgs);
    }

    /** One page of the applications led by the user's organisations, the latest changed first. */
    public record Led(List<ApplicationSummary> rows, int total) {
    }

    /**
     * The applications the user's organisations lead (not those they co-apply to), newest change first,
     * {@code size} from {@code offset}: read a page at a time, whatever the organisations' history.
     */
    public Led ledBy(UUID userId, int offset, int size) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        if (orgs.isEmpty()) {
            return new Led(List.of(), 0);
        }
        return stored.ledBy(orgs, offset, size);
    }

    /** The sections of {@code application} that apply in its round, in the task list's order. */
    public List<Section> sections(Application application) {
        return rounds.details(application.roundId()).map(Section::in).orElse(List.of(Section.values()));
    }

    /** The application if {@code userId} is a member of its lead organisation; otherwise empty. */
    public Optional<Application> load(UUID id, UUID userId) {
        return stored.find(id).filter(a -> memberships.organisationsOf(userId).contains(a.leadOrganisation()));
    }

    /**
     * The application if {@code userId} may read it: a member of its lead organisation or of one of its
     * co-applicant organisations (section applicant). Only the lead's members may change it ({@link #load}).
     */
    public Optional<Application> readable(UUID id, UUID userId) {
        List<UUID> orgs = memberships.organisationsOf(userId);
        return stored.find(id).filter(a -> orgs.contains(a.leadOrganisation()) || a.section(Section.APPLICANT).answers()
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
        return memberships.organisationsOf(userId).contains(application.leadOrganisation());
    }

    /**
     * Saves a section as typed, based on {@code version}. Invalid values refuse the whole save (nothing
     * stored); missing answers are stored and leave the section in progress; a save based on an older
     * version than the stored one is refused and the refused answers are kept as a conflict.
     */
    @Transactional
    public SaveResult saveSection(UUID id, UUID userId, String actor, Section section, Answers typed, int version) {
        if (section == Section.ATTACHMENTS) {
            throw new IllegalArgumentException("Attachments are added one by one");
        }
        // one statement reads what authorises the save: the application, locked (a submission, which takes it
        // FOR UPDATE, waits for running saves; two saves of one application take turns instead of deadlocking
        // on its change time, as two FOR SHARE locks did), and whether the user is a member of its lead
        ApplicationRows.Locked locked = lockForSave(id, userId, section, actor).orElseThrow(NotFound::new);
        Application application = locked.application();
        if (!application.isEditable()) {
            throw new Application.NotEditableException(id);
        }
        RoundDetails round = rounds.details(application.roundId()).orElseThrow();
        if (!Section.in(round).contains(section)) {
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
        String title = section == Section.CHALLENGE ? answers.one("title").strip() : null;
        // the section only if nobody saved it since {@code version}, and with it the application's change time
        int rows = stored.saveSection(id, section, version, answers, state, title, actor, now);
        if (rows == 0) {
            SectionAnswers current = stored.find(id).orElseThrow().section(section);
            stored.keepConflict(id, section, answers, version, current.version(), actor, now);
            audit.record(actor, "application.section-conflict", "application", id.toString(), Map.of(
                    "section", section.key(), "basedOn", version, "saved", current.version()));
            return new SaveResult.Conflict(current, answers);
        }
        if (locked.openConflict()) { // this save settles the person's refused one
            stored.resolveConflict(id, section, actor, now);
        }
        audit.record(actor, "application.section-saved", "application", id.toString(), Map.of(
                "section", section.key(), "version", version + 1, "state", state.key()));
        return new SaveResult.Saved(version + 1, now, state, check.remaining());
    }

    private Optional<ApplicationRows.Locked> lockForSave(UUID id, UUID userId, Section section, String actor) {
        Optional<ApplicationRows.Locked> head = stored.lockForSave(id, userId, section, actor);
        if (head.isEmpty() || !rules.readsOtherSections(section)) {
            return head;
        }
        // the budget's limit depends on the partners, co-applicants and years of the other sections
        Application a = head.get().application();
        return Optional.of(new ApplicationRows.Locked(new Application(a.id(), a.roundId(), a.programme(), a.component(),
                a.leadOrganisation(), a.status(), a.title(), a.createdBy(), a.createdAt(), a.updatedAt(), stored.sectionsOf(id),
                List.of()), head.get().openConflict()));
    }

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
        stored.addAttachment(attachmentId, id, upload, actor, now);
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
        stored.removeAttachment(attachmentId, id, actor, now);
        audit.record(actor, "application.attachment-removed", "application", id.toString(), Map.of(
                "attachment", attachmentId.toString(), "name", info.fileName(), "sha256", info.sha256()));
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
