package se.partnerskap.application.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application: for a round and a component, led by a Swedish organisation, with its sections and
 * attachments. Only a draft may change.
 */
public record Application(UUID id, UUID roundId, String programme, String component, UUID leadOrganisation,
        ApplicationStatus status, String title, String createdBy, Instant createdAt, Instant updatedAt,
        Map<Section, SectionAnswers> sections, List<AttachmentInfo> attachments) {

    public Application {
        EnumMap<Section, SectionAnswers> all = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            all.put(s, new SectionAnswers(s, Answers.EMPTY, SectionState.NOT_STARTED, 0, null, null));
        }
        all.putAll(sections);
        sections = java.util.Collections.unmodifiableMap(all);
        attachments = List.copyOf(attachments);
    }

    public SectionAnswers section(Section section) {
        return sections.get(section);
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

    /** Every section that applies ({@link Section#in}) completed: what submission requires. */
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
