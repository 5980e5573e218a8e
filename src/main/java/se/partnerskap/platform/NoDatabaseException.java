package se.partnerskap.platform;

/** The server jar was started without a database; it has no embedded PostgreSQL to fall back on. */
class NoDatabaseException extends RuntimeException {

    NoDatabaseException() {
        super("No database is configured and this jar has no embedded PostgreSQL");
    }
}
