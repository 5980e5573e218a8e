package se.partnerskap.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Globals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Large cached pages sent by the kernel ({@code sendfile}) instead of through the servlet's output stream:
 * the bytes of an answer of at least {@value #MIN_BYTES} bytes (the map, the project directory) are written
 * once to a file of their own in a directory of this instance, and Tomcat sends that file, as nginx does the
 * saved copies. On the map's 36 KB of gzip this took a replayed answer from 33 000 to 46 000 a second
 * (bench/README.md). Files are named by the ETag of what they hold, so a file never changes once written;
 * at most {@value #MAX_FILES} are made (then answers are written as before), and the directory is removed
 * when the application stops. Where the connector cannot send files, nothing changes.
 */
@Component
class PageFiles {

    static final int MIN_BYTES = 16 * 1024;
    static final int MAX_FILES = 256;

    private static final Logger log = LoggerFactory.getLogger(PageFiles.class);

    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private volatile Path directory;

    /**
     * Sets up the sending of {@code bytes} (whose ETag is {@code etag}) as a file for this request, and says
     * whether it did; when not, the caller writes the bytes itself.
     */
    boolean send(HttpServletRequest request, String etag, byte[] bytes) {
        if (bytes.length < MIN_BYTES || !Boolean.TRUE.equals(request.getAttribute(Globals.SENDFILE_SUPPORTED_ATTR))) {
            return false;
        }
        Path file = files.get(etag);
        if (file == null) {
            if (files.size() >= MAX_FILES) {
                return false;
            }
            file = files.computeIfAbsent(etag, e -> write(bytes));
        }
        if (file == null) {
            return false;
        }
        request.setAttribute(Globals.SENDFILE_FILENAME_ATTR, file.toString());
        request.setAttribute(Globals.SENDFILE_FILE_START_ATTR, 0L);
        request.setAttribute(Globals.SENDFILE_FILE_END_ATTR, (long) bytes.length);
        return true;
    }

    private Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile(directory(), "page-", ".bin");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            log.warn("Could not keep a page as a file, it is written as before: {}", e.toString());
            return null;
        }
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("partnerskap-pages-");
        }
        return directory;
    }

    @PreDestroy
    void removeFiles() throws IOException {
        Path d = directory;
        if (d != null) {
            files.clear();
            FileSystemUtils.deleteRecursively(d);
        }
    }

    /** The files kept now. */
    int count() throws IOException {
        try (Stream<Path> listed = directory == null ? Stream.empty() : Files.list(directory)) {
            return (int) listed.count();
        }
    }
}
