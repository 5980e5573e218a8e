package se.partnerskap.application;

/** An attachment with its content, for download. */
public record AttachmentFile(AttachmentInfo info, String contentType, byte[] content) {
}
