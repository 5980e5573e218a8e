package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * Guards every bundle, including keys added later: a number shown next to a plural noun goes through a
 * choice format that also covers 0 and 1, so no page says "1 ansökningar" or "1 applications".
 * How to write such a message: docs/languages.md.
 */
class CountMessagesTest {

    /**
     * Plural nouns that change with the number, and in Swedish the adjectives that do too ("1 inskickad ansökan",
     * "2 inskickade ansökningar"); one other word may stand between the count and the noun.
     */
    private static final Map<String, String> PLURALS = Map.of(
            "sv", "ansökningar|ansökningarna|dagar|timmar|minuter|sekunder|veckor|månader|träffar|omgångar|frågor"
                    + "|händelser|delar|parter|partner|partnerorganisationer|organisationer|kommuner|regioner|länder"
                    + "|filer|bilagor|rader|redovisningar|utbetalningar|versioner|ändringar|personer|nyheter"
                    + "|pressmeddelanden|prenumerationer|svenska|inskickade|avslutade|beviljade",
            "en", "applications|days|hours|minutes|seconds|weeks|months|years|results|items|posts|rounds|questions"
                    + "|events|sections|parties|partners|partnerships|organisations|municipalities|regions|countries"
                    + "|projects|users|characters|files|attachments|lines|rows|reports|payments|versions|revisions"
                    + "|changes|people|subscriptions|releases");

    /** A count that is the upper end of a range ("between 1 and 3 years") reads right in the plural. */
    private static final Set<String> RANGES = Set.of("components.years", "application.field.years.hint");

    @Test
    void noCountStandsNextToAPluralNounWithoutAChoiceFormat() {
        List<String> bare = new ArrayList<>();
        PLURALS.forEach((language, nouns) -> Bundles.raw(language).forEach((file, texts) -> texts.forEach((key, text) -> {
            Pattern countThenNoun = Pattern.compile("^\\{\\d+(,number[^}]*)?\\}\\s+(\\S+\\s+)?(" + nouns + ")\\b");
            for (int at : topLevelArguments(text)) {
                if (countThenNoun.matcher(text.substring(at)).find() && !RANGES.contains(key)) {
                    bare.add(file + ": " + key + "=" + text);
                }
            }
        })));
        assertThat(bare).as("counts next to a plural noun without {n,choice,0#…|1#…|1<…}").isEmpty();
    }

    @Test
    void everyChoiceOnACountSaysWhatZeroAndOneAre() {
        List<String> partial = new ArrayList<>();
        Pattern choice = Pattern.compile("\\{\\d+,choice,([^#]*)#");
        for (String language : PLURALS.keySet()) {
            Bundles.raw(language).forEach((file, texts) -> texts.forEach((key, text) -> {
                Matcher m = choice.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals("0") || !text.substring(m.end()).matches("(?s)[^|]*\\|1#.*")) {
                        partial.add(file + ": " + key + "=" + text);
                    }
                }
            }));
        }
        assertThat(partial).as("a choice that starts 0#…|1#… (with only 1#… first, 0 would read as 1)").isEmpty();
    }

    @Test
    void aMessageRenderedWithOneNeverSaysOneAndAPluralNoun() {
        MessageSource messages = Bundles.messageSource();
        List<String> wrong = new ArrayList<>();
        PLURALS.forEach((language, nouns) -> {
            Pattern onePlural = Pattern.compile("(?<![\\d,.\\u00a0–-])1\\s+(\\S+\\s+)?(" + nouns + ")\\b");
            Locale locale = Locale.forLanguageTag(language);
            Bundles.raw(language).forEach((file, texts) -> texts.forEach((key, text) -> {
                if (!text.matches("(?s).*\\{\\d.*") || RANGES.contains(key)) {
                    return;
                }
                Object[] ones = new Object[10];
                java.util.Arrays.fill(ones, 1);
                String rendered = messages.getMessage(key, ones, locale);
                if (onePlural.matcher(rendered).find()) {
                    wrong.add(file + ": " + key + " → " + rendered);
                }
            }));
        });
        assertThat(wrong).as("texts that read \"1 <plural>\" when the count is 1").isEmpty();
    }

    /** Where each argument outside any choice format starts, e.g. "{0} ansökningar" but not "{0,choice,…|1<{0} x}". */
    private static List<Integer> topLevelArguments(String text) {
        List<Integer> starts = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    starts.add(i);
                }
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return starts;
    }
}
