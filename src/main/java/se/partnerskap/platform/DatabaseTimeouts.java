package se.partnerskap.platform;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway runs without the pool's statement and lock timeouts (a migration of a large table may take
 * minutes, and must not be cut half way): {@code spring.flyway.init-sql} switches them off on the
 * connections Flyway takes. Those connections go back to the pool with the timeouts off, so after the
 * migration every pooled connection is replaced by a new one, which starts with the timeouts of
 * {@code spring.datasource.hikari.connection-init-sql} again (docs/database.md).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTimeouts.class);

    @Bean
    FlywayMigrationStrategy migrateWithoutTimeouts(DataSource dataSource) {
        return flyway -> {
            flyway.migrate();
            renewConnections(dataSource);
        };
    }

    static void renewConnections(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                if (hikari.getHikariPoolMXBean() != null) {
                    hikari.getHikariPoolMXBean().softEvictConnections();
                }
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        log.warn("The data source is no Hikari pool; connections used by Flyway keep their timeouts off");
    }
}
