package se.partnerskap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * Gives the test run a fresh, empty database once per JVM: on the PostgreSQL server at
 * {@code PARTNERSKAP_TEST_DB} (default 127.0.0.1:5432, user postgres, trust), the database
 * {@code partnerskap_test} (or {@code PARTNERSKAP_TEST_DB_NAME}) is dropped and created again. Where no server answers, the tests use the
 * application's embedded PostgreSQL in target/test-postgres (as an ordinary user).
 */
public final class TestDatabase {

    private static boolean prepared;

    private TestDatabase() {
    }

    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        String server = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_PASSWORD", "");
        String name = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_NAME", "partnerskap_test");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
            System.setProperty("spring.datasource.url", server + name);
            System.setProperty("spring.datasource.username", user);
            System.setProperty("spring.datasource.password", password);
        } catch (SQLException noServer) {
            Path dir = Path.of("target", "test-postgres");
            deleteRecursively(dir);
            System.setProperty("partnerskap.data-dir", dir.toString());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clean " + dir, e);
        }
    }
}
