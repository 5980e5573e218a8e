package se.partnerskap.platform;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps demo mode off the network. The demo's users share the password printed in the README and its
 * mail catcher shows live reset links, so in demo mode the server listens on 127.0.0.1 only (unless
 * {@code server.address} is set), and a {@code partnerskap.base-url} that is not this machine stops the
 * start-up ({@link DemoExposedException}) — unless the operator says {@code partnerskap.demo-public=true}.
 * <p>
 * As an environment post-processor it runs after {@link DatabaseUrlEnvironment} has decided the demo
 * default; as a context initializer it refuses before any bean (database, web server) is created. Both
 * bind {@link PartnerskapProperties} themselves (its bean does not exist yet), without validating it:
 * the bean's validation says what is wrong with a setting.
 */
public class DemoExposure implements EnvironmentPostProcessor, ApplicationContextInitializer<ConfigurableApplicationContext>,
        Ordered {

    private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^\\]]*\\]|[^/:?#]*)");

    @Override
    public int getOrder() {
        return DatabaseUrlEnvironment.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PartnerskapProperties properties = properties(environment);
        if (properties.demo() && !properties.demoPublic() && !environment.containsProperty("server.address")) {
            environment.getPropertySources().addFirst(new MapPropertySource("partnerskapDemoLoopback",
                    Map.of("server.address", "127.0.0.1")));
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PartnerskapProperties properties = properties(context.getEnvironment());
        String baseUrl = properties.baseUrl() == null ? "" : properties.baseUrl();
        if (properties.demo() && !properties.demoPublic() && !local(baseUrl)) {
            throw new DemoExposedException(baseUrl);
        }
    }

    /** Bound as the bean will be; a placeholder not resolvable yet (a test's {@code ${local.server.port}}) is kept. */
    private static PartnerskapProperties properties(Environment environment) {
        return Binder.get(environment).bindOrCreate("partnerskap", PartnerskapProperties.class);
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
}
