package se.partnerskap.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC moves a session's last access on every request, and so rewrote its row — and its
 * four index entries — on every autosave. The row is now written only when something else about it
 * changed (its id at login, its timeout, its user) or its stored last access is at least
 * {@link #EVERY_MS} old: a session used without a pause is written once a minute, and it expires at
 * most a minute before its timeout after the last request (docs/autosave.md). The statement still goes
 * out; it finds nothing to change. The parameters are Spring Session's own, in its order.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouches {

    static final long EVERY_MS = 60_000;

    static final String UPDATE_SESSION = """
            UPDATE %TABLE_NAME% s SET SESSION_ID = v.id, LAST_ACCESS_TIME = v.accessed,
                   MAX_INACTIVE_INTERVAL = v.timeout, EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
            FROM (SELECT CAST(? AS CHAR(36)) AS id, CAST(? AS BIGINT) AS accessed, CAST(? AS INT) AS timeout,
                         CAST(? AS BIGINT) AS expiry, CAST(? AS VARCHAR(320)) AS principal) v
            WHERE s.PRIMARY_ID = ?
              AND (s.SESSION_ID <> v.id OR s.MAX_INACTIVE_INTERVAL <> v.timeout
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal OR v.accessed - s.LAST_ACCESS_TIME >= %EVERY%)
            """.replace("%EVERY%", Long.toString(EVERY_MS));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> writeSessionTouchesOncePerMinute() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
    }
}
