package se.partnerskap.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The server jar (no embedded PostgreSQL on the class path) started without a database. */
class NoDatabaseTest {

    private final ApplicationContextRunner serverJar = new ApplicationContextRunner()
            .withClassLoader(new FilteredClassLoader("io.zonky.test"))
            .withUserConfiguration(EmbeddedDatabase.class, NoDatabase.class);

    @Test
    void withoutADatabaseUrlItStopsAndNamesTheSettingsToSet() {
        serverJar.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new NoDatabaseFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("server jar", "no embedded PostgreSQL");
            assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "DATABASE_URL=");
        });
    }

    @Test
    void withADatabaseUrlNeitherTheEmbeddedDatabaseNorTheRefusalIsThere() {
        serverJar.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/partnerskap")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(javax.sql.DataSource.class));
    }
}
