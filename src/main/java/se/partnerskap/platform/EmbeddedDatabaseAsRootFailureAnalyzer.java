package se.partnerskap.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the root check into a plain message with what to do, instead of a stack trace. */
class EmbeddedDatabaseAsRootFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseAsRootException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseAsRootException cause) {
        return new FailureAnalysis(
                "No database is configured, so Partnerskap would start its embedded PostgreSQL, "
                        + "but PostgreSQL cannot run as root and this process runs as root.",
                """
                Either run Partnerskap as an ordinary user (for example: runuser -u someuser -- ./mvnw spring-boot:run),
                or point it at a PostgreSQL server:
                    SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/partnerskap \\
                    SPRING_DATASOURCE_USERNAME=postgres ./mvnw spring-boot:run
                (or DATABASE_URL=postgres://user:password@host:5432/partnerskap). Add PARTNERSKAP_DEMO=true to load the demo data.""",
                cause);
    }
}
