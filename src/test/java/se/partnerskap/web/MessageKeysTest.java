package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A text asked for that no bundle has shows its key to the user, silently: every key is in Swedish and
 * English, in the same bundle, and every key a template or a view names in full is there.
 */
class MessageKeysTest {

    /** {@code ui.t("a.b.c")} or {@code ui.t("a.b.c", …)}: a key named in full, not one put together. */
    private static final Pattern NAMED = Pattern.compile("\\bui\\.t\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");

    @Test
    void everyBundleHasTheSameKeysInSwedishAndEnglish() {
        Map<String, Map<String, String>> sv = Bundles.raw("sv");
        Map<String, Map<String, String>> en = Bundles.raw("en");
        sv.forEach((file, texts) -> {
            Set<String> english = en.get(file.replace("_sv.", "_en.")).keySet();
            assertThat(new TreeSet<>(english)).as("the keys of %s and its English twin", file)
                    .isEqualTo(new TreeSet<>(texts.keySet()));
        });
    }

    @Test
    void everyKeyATemplateOrAViewNamesExistsInBothLanguages() {
        Set<String> swedish = keys("sv");
        Set<String> english = keys("en");
        Set<String> named = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java")}) {
            named.addAll(namedKeys(root));
        }
        assertThat(named).as("keys named in the templates and views").hasSizeGreaterThan(500);
        assertThat(named.stream().filter(k -> !swedish.contains(k)).toList()).as("named but not in Swedish").isEmpty();
        assertThat(named.stream().filter(k -> !english.contains(k)).toList()).as("named but not in English").isEmpty();
    }

    private static Set<String> keys(String language) {
        Set<String> all = new HashSet<>();
        Bundles.raw(language).values().forEach(texts -> all.addAll(texts.keySet()));
        return all;
    }

    private static Set<String> namedKeys(Path root) {
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = NAMED.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
