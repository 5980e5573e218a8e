package se.partnerskap.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles as the application reads them: the basenames and settings of {@code spring.messages.*}
 * in application.properties, given to the same {@link ResourceBundleMessageSource} Spring Boot configures.
 */
final class Bundles {

    static final Locale SV = Locale.forLanguageTag("sv");
    static final Locale EN = Locale.forLanguageTag("en");

    private Bundles() {
    }

    static MessageSource messageSource() {
        Properties app = load("application.properties");
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(app.getProperty("spring.messages.basename").split(","));
        source.setDefaultEncoding(app.getProperty("spring.messages.encoding", "UTF-8"));
        source.setFallbackToSystemLocale(Boolean.parseBoolean(app.getProperty("spring.messages.fallback-to-system-locale", "true")));
        source.setAlwaysUseMessageFormat(Boolean.parseBoolean(app.getProperty("spring.messages.always-use-message-format", "false")));
        return source;
    }

    /** Every key and its raw text in one language, bundle by bundle ("grant_en" → key → text). */
    static Map<String, Map<String, String>> raw(String language) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        String[] basenames = load("application.properties").getProperty("spring.messages.basename").split(",");
        Arrays.stream(basenames).forEach(basename -> {
            String file = basename + "_" + language + ".properties";
            Map<String, String> texts = new LinkedHashMap<>();
            load(file).forEach((k, v) -> texts.put((String) k, (String) v));
            all.put(file, texts);
        });
        return all;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
