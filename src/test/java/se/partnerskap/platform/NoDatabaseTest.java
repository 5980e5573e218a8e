package se.partnerskap.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The server jar (no embedded PostgreSQL on the class path) started with and without a database. */
class NoDatabaseTest {

    @Test
    void withoutADatabaseUrlItStopsAndNamesTheSettingsToSet() {
        Throwable failure = catchThrowable(() -> new NoDatabase().initialize(serverJar(new MockEnvironment())));
        FailureAnalysis analysis = new NoDatabaseFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("server jar", "no embedded PostgreSQL");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "DATABASE_URL=");
    }

    @Test
    void withADatabaseUrlItStarts() {
        MockEnvironment configured = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/partnerskap");
        assertThatCode(() -> new NoDatabase().initialize(serverJar(configured))).doesNotThrowAnyException();
    }

    @Test
    void theDefaultJarStartsItsEmbeddedDatabaseInstead() {
        GenericApplicationContext defaultJar = new GenericApplicationContext();
        defaultJar.setEnvironment(new MockEnvironment());
        assertThatCode(() -> new NoDatabase().initialize(defaultJar)).doesNotThrowAnyException();
    }

    private static GenericApplicationContext serverJar(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setClassLoader(new FilteredClassLoader("io.zonky.test"));
        context.setEnvironment(environment);
        return context;
    }
}
