package se.partnerskap.platform;

import java.nio.file.Path;

/** Thrown instead of starting PostgreSQL as root, which it refuses to do. */
class EmbeddedDatabaseAsRootException extends RuntimeException {

    private final Path dataDir;

    EmbeddedDatabaseAsRootException(Path dataDir) {
        super("PostgreSQL cannot run as root");
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }
}
