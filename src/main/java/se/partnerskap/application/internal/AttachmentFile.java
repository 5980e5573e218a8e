package se.partnerskap.application.internal;

/** An attachment with its content, for download. */
public record AttachmentFile(AttachmentInfo info, String contentType, byte[] content) {
}
