package se.partnerskap.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of the server jar which settings point it at PostgreSQL. */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseException cause) {
        return new FailureAnalysis(
                "No database is configured. This is the server jar (partnerskap-<version>-server.jar), which has "
                        + "no embedded PostgreSQL: it runs only against a PostgreSQL server.",
                """
                Point it at a PostgreSQL server (an empty database is set up on the first start):
                    SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/partnerskap
                    SPRING_DATASOURCE_USERNAME=partnerskap
                    SPRING_DATASOURCE_PASSWORD=...
                (or DATABASE_URL=postgres://user:password@host:5432/partnerskap).
                To try Partnerskap without a database server, run the default jar (partnerskap-<version>.jar)
                or ./mvnw spring-boot:run instead: they start an embedded PostgreSQL with the demo data.""",
                cause);
    }
}
