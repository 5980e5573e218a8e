package se.partnerskap.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlEnvironmentTest {

    private final DatabaseUrlEnvironment processor = new DatabaseUrlEnvironment();

    @Test
    void aDatabaseUrlBecomesTheSpringDatasourceAndTheDemoIsOffByDefault() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://app:s%40cret@db.internal:6543/partnerskap?sslmode=require");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.internal:6543/partnerskap?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s@cret");
        assertThat(env.getProperty("partnerskap.demo")).isEqualTo("false");
    }

    @Test
    void withNoDatabaseConfiguredTheEmbeddedDatabaseStartsWithTheDemo() {
        MockEnvironment env = new MockEnvironment();
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isNull();
        assertThat(env.getProperty("partnerskap.demo")).isEqualTo("true");
    }

    @Test
    void anExplicitDemoSettingWinsAndAnExplicitDatasourceWinsOverDatabaseUrl() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/x")
                .withProperty("DATABASE_URL", "postgres://other:5432/y")
                .withProperty("partnerskap.demo", "true");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(env.getProperty("partnerskap.demo")).isEqualTo("true");
    }

    @Test
    void theServerJarWithNoDatabaseConfiguredIsNotADemo() {
        MockEnvironment env = new MockEnvironment();
        SpringApplication serverJar = new SpringApplication();
        serverJar.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("io.zonky.test")));
        processor.postProcessEnvironment(env, serverJar);
        assertThat(env.getProperty("partnerskap.demo")).isEqualTo("false");
    }
}
