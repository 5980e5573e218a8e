package se.partnerskap.platform;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * Keeps demo mode off the network. The demo's users share the password printed in the README and its
 * mail catcher shows live reset links, so in demo mode the server listens on 127.0.0.1 only (unless
 * {@code server.address} is set), and a {@code partnerskap.base-url} that is not this machine stops the
 * start-up ({@link DemoExposedException}) — unless the operator says {@code partnerskap.demo-public=true}.
 * <p>
 * As an environment post-processor it runs after {@link DatabaseUrlEnvironment} has decided the demo
 * default; as a context initializer it refuses before any bean (database, web server) is created.
 */
public class DemoExposure implements EnvironmentPostProcessor, ApplicationContextInitializer<ConfigurableApplicationContext>,
        Ordered {

    static final String PUBLIC = "partnerskap.demo-public";

    private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^\\]]*\\]|[^/:?#]*)");

    @Override
    public int getOrder() {
        return DatabaseUrlEnvironment.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (demo(environment) && !publicDemo(environment) && !environment.containsProperty("server.address")) {
            environment.getPropertySources().addFirst(new MapPropertySource("partnerskapDemoLoopback",
                    Map.of("server.address", "127.0.0.1")));
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String baseUrl = baseUrl(context.getEnvironment());
        if (demo(environment) && !publicDemo(environment) && !local(baseUrl)) {
            throw new DemoExposedException(baseUrl);
        }
    }

    private static boolean demo(Environment environment) {
        return environment.getProperty("partnerskap.demo", Boolean.class, false);
    }

    private static boolean publicDemo(Environment environment) {
        return environment.getProperty(PUBLIC, Boolean.class, false);
    }

    /** Whether a base address names this machine (localhost, 127.x.x.x or ::1); the port may be a placeholder. */
    static boolean local(String baseUrl) {
        Matcher m = HOST.matcher(baseUrl.strip());
        if (!m.find()) {
            return false;
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    /** The base address without resolving placeholders, such as a test's {@code ${local.server.port}}. */
    private static String baseUrl(ConfigurableEnvironment environment) {
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(environment.getPropertySources());
        resolver.setIgnoreUnresolvableNestedPlaceholders(true);
        return resolver.getProperty("partnerskap.base-url", "");
    }
}
