package se.partnerskap.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.partnerskap.platform.PartnerskapProperties;

/**
 * Hears the changes of cached pages made through any instance: one connection of its own (not one of the
 * pool's; {@code application_name} {@code partnerskap-page-cache}, or {@code partnerskap.page-cache.application-name})
 * runs {@code LISTEN} on {@link RenderedPages#CHANNEL} and waits for notifications on a thread of its own; each names
 * a region, which {@link RenderedPages} empties. When the connection is lost (the database went away, an operator
 * ended it) the cache stops serving, the connection is opened again after {@code partnerskap.page-cache.reconnect-delay}
 * (doubling up to {@link #MAX_DELAY}), and once listening again the cache forgets everything it kept. An idle
 * connection is checked every {@link #HEARTBEAT}, so that one cut without a word is found out too. The gauge
 * {@code partnerskap_page_cache_listening} is 1 while listening.
 */
@Component
class PageChanges implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PageChanges.class);

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    /** How long one wait for notifications lasts (the stop and the heartbeat are checked between waits). */
    private static final int WAIT_MILLIS = 500;

    private final RenderedPages pages;
    private final DataSource dataSource;
    private final String applicationName;
    private final Duration reconnectDelay;

    private volatile boolean running;
    private volatile boolean lostLogged;
    private Thread thread;

    PageChanges(RenderedPages pages, DataSource dataSource, PartnerskapProperties properties) {
        this.pages = pages;
        this.dataSource = dataSource;
        this.applicationName = properties.pageCache().applicationName();
        this.reconnectDelay = properties.pageCache().reconnectDelay();
    }

    /** Listening before the web server takes requests (and until after it stopped taking them). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        Connection first = null;
        try {
            first = listening();
        } catch (SQLException | RuntimeException e) {
            lost(e);
        }
        Connection c = first;
        thread = Thread.ofPlatform().daemon().name("page-cache-listener").start(() -> listen(c));
    }

    @Override
    public void stop() {
        running = false;
        pages.notListening();
        try {
            thread.join(HEARTBEAT.plusSeconds(1)); // a wait ends within half a second, a heartbeat within its own time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("partnerskap.page.cache.listening", pages, p -> p.listening() ? 1 : 0)
                .description("1 while this instance hears every change of cached pages (else it serves nothing from its cache)")
                .register(registry);
    }

    /** Receives on {@code first} (if any), and on a new connection each time one is lost, until stopped. */
    private void listen(Connection first) {
        Duration delay = reconnectDelay;
        Connection c = first;
        while (running) {
            if (c != null) {
                try (Connection listening = c) {
                    delay = reconnectDelay;
                    receive(listening);
                } catch (SQLException | RuntimeException e) {
                    lost(e);
                }
                c = null;
                if (!running || !pause(delay)) {
                    break;
                }
            }
            try {
                c = listening();
                log.info("Listening for changes of cached pages again; the pages kept before are forgotten");
            } catch (SQLException | RuntimeException e) {
                lost(e);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
                if (!pause(delay)) {
                    break;
                }
            }
        }
        pages.notListening();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }

    /** A new connection that listens; the cache forgets what it kept and serves from itself again. */
    private Connection listening() throws SQLException {
        Connection c = open();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + RenderedPages.CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        pages.listeningAgain();
        lostLogged = false;
        return c;
    }

    private void lost(Exception e) {
        pages.notListening();
        if (running && !lostLogged) {
            log.warn("Not listening for changes of cached pages ({}); every page is rendered afresh until listening again",
                    e.getMessage());
            lostLogged = true;
        }
    }

    /** Hands each notification's region to the cache until the connection fails or the application stops. */
    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification n : notifications) {
                    pages.changed(n.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > HEARTBEAT.toNanos()) {
                if (!c.isValid((int) HEARTBEAT.toSeconds())) {
                    throw new SQLException("the listening connection does not answer");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    /** A connection of its own to the pool's database, with the pool's settings and a name to find it by. */
    private Connection open() throws SQLException {
        HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        // another data source: one of its connections, held for as long as it works
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("SET application_name = '" + applicationName.replace("'", "''") + "'");
        }
        return c;
    }

    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
