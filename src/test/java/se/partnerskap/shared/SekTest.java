package se.partnerskap.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts are written the Swedish and the English way and never break across lines. */
class SekTest {

    @Test
    void swedishAmountsGroupDigitsWithNoBreakSpacesAndEndInKr() {
        assertThat(Sek.of(10_641_000).format(Language.SV)).isEqualTo("10\u00a0641\u00a0000\u00a0kr");
        assertThat(Sek.of(-5_000).format(Language.SV)).isEqualTo("\u22125\u00a0000\u00a0kr");
        assertThat(Sek.of(0).format(Language.SV)).isEqualTo("0\u00a0kr");
    }

    @Test
    void englishAmountsKeepSekAndTheNumberOnOneLine() {
        assertThat(Sek.of(10_641_000).format(Language.EN)).isEqualTo("SEK\u00a010,641,000");
        assertThat(Sek.of(999).format(Language.EN)).isEqualTo("SEK\u00a0999");
    }

    @Test
    void noAmountContainsABreakableSpace() {
        for (long kronor : new long[] {1, 1_000, 123_456_789, -42_000}) {
            for (Language lang : Language.values()) {
                assertThat(Sek.of(kronor).format(lang)).doesNotContain(" ");
            }
        }
    }
}
