package se.partnerskap;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile, compose.yaml and the nginx configuration cannot be run here (no container runtime), so
 * they are held to what the build and the tests do: the image runs the server jar the pom builds, compose
 * sets only settings the application reads, probes the readiness path, and nginx balances over exactly
 * the instances compose starts, on their ports, without retrying a POST.
 */
class DeploymentFilesTest {

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:-(.*)}");

    private final String dockerfile = read("Dockerfile");
    private final Map<String, Map<String, Object>> services = services();

    @Test
    void theImageBuildsWithTheWrapperAndRunsTheServerJarAsANonRootUser() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String artifactId = xpath.evaluate("/project/artifactId", pom);
        String version = xpath.evaluate("/project/version", pom);
        String classifier = xpath.evaluate("/project/build/plugins/plugin[artifactId='spring-boot-maven-plugin']"
                + "/executions/execution[goals/goal='repackage']/configuration/classifier", pom);
        assertThat(classifier).isEqualTo("server");

        Matcher jar = Pattern.compile("(target/\\S+\\.jar)").matcher(dockerfile);
        assertThat(jar.find()).as("the Dockerfile names the jar it takes from target/").isTrue();
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + jar.group(1));
        assertThat(glob.matches(Path.of("target", artifactId + "-" + version + "-" + classifier + ".jar"))).isTrue();
        assertThat(glob.matches(Path.of("target", artifactId + "-" + version + ".jar"))).as("not the demo jar").isFalse();

        assertThat(dockerfile).contains("FROM eclipse-temurin:25-jdk AS build", "./mvnw -B -q package", "FROM eclipse-temurin:25-jre");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
    }

    @Test
    void composeSetsOnlySettingsTheApplicationReads() throws IOException {
        Set<String> known = knownSettingsAsEnvironmentVariables();
        for (String app : applications()) {
            assertThat(environment(app).keySet()).as(app).isNotEmpty().isSubsetOf(known);
        }
    }

    @Test
    void theInstancesUseTheComposeDatabaseAndReadinessIsTheirProbe() {
        Map<String, String> postgres = environment("postgres");
        for (String app : applications()) {
            Map<String, String> env = environment(app);
            assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));

            @SuppressWarnings("unchecked")
            List<String> probe = (List<String>) ((Map<String, Object>) services.get(app).get("healthcheck")).get("test");
            URI readiness = URI.create(probe.getLast());
            // management.endpoint.health.probes.enabled=true and the default base path (application.properties)
            assertThat(readiness.getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(readiness.getPort()).isEqualTo(port(app));
            assertThat(probe).as("a probe that fails on an HTTP error").anyMatch(arg -> arg.matches("-[a-zA-Z]*f[a-zA-Z]*"));
        }
        assertThat(applicationProperties()).containsEntry("management.endpoint.health.probes.enabled", "true")
                .doesNotContainKeys("management.endpoints.web.base-path", "management.server.port");
    }

    @Test
    void nginxBalancesOverExactlyTheInstancesOnTheirPortsAndNeverRetriesAPost() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) services.get("nginx").get("volumes");
        assertThat(volumes).anySatisfy(v -> assertThat(v).startsWith("./deploy/nginx/nginx.conf:"));
        String nginx = read("deploy/nginx/nginx.conf").replaceAll("#[^\n]*", "");

        Matcher upstream = Pattern.compile("upstream \\w+ \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).isTrue();
        Set<String> servers = new HashSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server (\\S+?)[;\\s]").matcher(upstream.group(1));
        while (server.find()) {
            servers.add(server.group(1));
        }
        assertThat(servers).containsExactlyInAnyOrderElementsOf(applications().stream().map(a -> a + ":" + port(a)).toList());

        assertThat(nginx).contains("proxy_set_header X-Forwarded-Proto", "proxy_set_header X-Forwarded-Host",
                "proxy_set_header X-Forwarded-Port", "proxy_set_header X-Forwarded-For", "proxy_next_upstream error timeout;")
                .doesNotContain("non_idempotent");
        Matcher listen = Pattern.compile("listen (\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) services.get("nginx").get("ports");
        assertThat(ports).as("published on the port nginx listens on, so X-Forwarded-Port is the public one")
                .contains(listen.group(1) + ":" + listen.group(1));
    }

    /** The services built from the Dockerfile. */
    private List<String> applications() {
        List<String> apps = services.entrySet().stream().filter(e -> ".".equals(e.getValue().get("build")))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(apps).as("two application instances").hasSize(2);
        return apps;
    }

    private int port(String app) {
        return Integer.parseInt(environment(app).getOrDefault("SERVER_PORT", "8080"));
    }

    /** A service's environment, with {@code ${VAR:-default}} taken at its default. */
    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        Map<String, Object> env = (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
        Map<String, String> values = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            Matcher m = ENV_DEFAULT.matcher(String.valueOf(value));
            values.put(name, m.matches() ? m.group(1) : String.valueOf(value));
        });
        return values;
    }

    /**
     * Every setting the application reads, as an environment variable (relaxed binding: upper case, dots
     * to underscores, dashes dropped or underscores): Spring Boot's configuration metadata, ours, application.properties,
     * the {@code ${...}} placeholders in the code, and DATABASE_URL (platform.DatabaseUrlEnvironment).
     */
    private static Set<String> knownSettingsAsEnvironmentVariables() throws IOException {
        Set<String> names = new HashSet<>(Set.of("database_url"));
        for (URL metadata : Collections.list(DeploymentFilesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                JsonNode properties = JsonMapper.shared().readTree(in).path("properties");
                properties.forEach(p -> names.add(p.path("name").asString()));
            }
        }
        applicationProperties().keySet().forEach(k -> names.add((String) k));
        Pattern placeholder = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)[:}]");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                placeholder.matcher(Files.readString(source)).results().forEach(r -> names.add(r.group(1)));
            }
        }
        Set<String> env = new HashSet<>();
        for (String name : names) {
            String upper = name.replace(".", "_").toUpperCase(Locale.ROOT);
            env.add(upper.replace("-", ""));
            env.add(upper.replace("-", "_")); // the legacy form both Spring and Spring Boot still bind
        }
        return env;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(read("compose.yaml"));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }
}
