package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application: for a round and a component, led by a Swedish organisation or made by a person for themselves
 * (exactly one of {@code leadOrganisation} and {@code applicantUser}, as the programme's applicant kind says),
 * filled in on a version of its programme's form, with its sections' answers (by section key) and attachments.
 * Only a draft may change.
 */
public record Application(UUID id, UUID roundId, String programme, String component, UUID leadOrganisation,
        UUID applicantUser, ApplicationStatus status, String title, String createdBy, Instant createdAt, Instant updatedAt,
        ApplicationForm form, Map<String, SectionAnswers> sections, List<AttachmentInfo> attachments) {

    public Application {
        sections = Map.copyOf(sections);
        attachments = List.copyOf(attachments);
    }

    /** The answers of one of its form's sections (not started until first saved). */
    public SectionAnswers section(Section section) {
        return section(section.key());
    }

    /** The answers of the section of its form with that key. */
    public SectionAnswers section(String key) {
        SectionAnswers stored = sections.get(key);
        return stored != null ? stored : new SectionAnswers(key, Answers.EMPTY, SectionState.NOT_STARTED, 0, null, null);
    }

    /** The answers of the form's section of a kind, empty when the form has none (another programme's form). */
    public Answers answers(Section.Kind kind) {
        return form.of(kind).map(s -> section(s).answers()).orElse(Answers.EMPTY);
    }

    /** The same application with other answers (all its sections as just read). */
    public Application with(Map<String, SectionAnswers> read) {
        return new Application(id, roundId, programme, component, leadOrganisation, applicantUser, status, title,
                createdBy, createdAt, updatedAt, form, read, attachments);
    }

    /** The same application with these attachments. */
    public Application withAttachments(List<AttachmentInfo> files) {
        return new Application(id, roundId, programme, component, leadOrganisation, applicantUser, status, title,
                createdBy, createdAt, updatedAt, form, sections, files);
    }

    /** A person applies for themselves (the fieldwork grant), not an organisation. */
    public boolean personal() {
        return applicantUser != null;
    }

    /**
     * Whether {@code userId}, a member of {@code organisations}, may change it: the person who applies, or a member of
     * the organisation that leads it.
     */
    public boolean ownedBy(UUID userId, java.util.List<UUID> organisations) {
        return personal() ? applicantUser.equals(userId) : organisations.contains(leadOrganisation);
    }

    public boolean isDraft() {
        return status == ApplicationStatus.DRAFT;
    }

    /** A draft, or a submission withdrawn before the deadline to be changed and sent again. */
    public boolean isEditable() {
        return status == ApplicationStatus.DRAFT || status == ApplicationStatus.WITHDRAWN;
    }

    /** Throws unless the application may still be edited. */
    public void assertEditable() {
        if (!isEditable()) {
            throw new NotEditableException(id);
        }
    }

    /** Every section that applies ({@link ApplicationForm#in}) completed: what submission requires. */
    public boolean complete(List<Section> applying) {
        return completedCount(applying) == applying.size();
    }

    /** How many of the sections that apply are completed: the task list counts exactly the rows it shows. */
    public long completedCount(List<Section> applying) {
        return applying.stream().filter(s -> section(s).state() == SectionState.COMPLETED).count();
    }

    /** Raised when a submitted or withdrawn application is asked to change. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
    public static class NotEditableException extends RuntimeException {
        public NotEditableException(UUID id) {
            super("Application " + id + " is not a draft");
        }
    }
}
