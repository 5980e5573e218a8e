package se.partnerskap.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import se.partnerskap.shared.Sha256;

/**
 * The answer of an open-data download (JSON, CSV, XML): its bytes with a strong {@code ETag} of their content and
 * the given caching, or {@code 304 Not Modified} without a body when the client's {@code If-None-Match} has it.
 */
public final class TaggedDownloads {

    private TaggedDownloads() {
    }

    /** The ETag of some bytes: the first 32 hex digits of their SHA-256, quoted. */
    public static String etag(byte[] content) {
        return "\"" + Sha256.hex(content).substring(0, 32) + "\"";
    }

    public static ResponseEntity<byte[]> answer(byte[] body, MediaType type, CacheControl caching, WebRequest request) {
        return answer(body, etag(body), type, caching, null, request);
    }

    /**
     * As {@link #answer(byte[], MediaType, CacheControl, WebRequest)}, with an ETag made otherwise (of the data, say)
     * and, unless null, the file name a browser saves it as.
     */
    public static ResponseEntity<byte[]> answer(byte[] body, String etag, MediaType type, CacheControl caching,
            String fileName, WebRequest request) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(caching).contentType(type);
        if (fileName != null) {
            ok.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        return ok.body(body);
    }
}
