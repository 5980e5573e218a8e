package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page an address asks for, and the arithmetic every paged list shares. */
class PageRequestTest {

    @Test
    void anythingButAWholeNumberFromOneAsksForTheFirstPage() {
        assertThat(PageRequest.of("3", 20).number()).isEqualTo(3);
        assertThat(PageRequest.of(" 7 ", 20).number()).isEqualTo(7);
        for (String unreadable : new String[] {null, "", "0", "-2", "två", "1.5", "99999999999"}) {
            assertThat(PageRequest.of(unreadable, 20).number()).as(String.valueOf(unreadable)).isEqualTo(1);
        }
    }

    @Test
    void aPageKnowsItsOffsetItsLastPageAndTheRowsItShows() {
        PageRequest third = PageRequest.of("3", 20);
        assertThat(third.offset()).isEqualTo(40);
        assertThat(third.firstShown(20)).isEqualTo(41);
        assertThat(third.firstShown(0)).isZero();
        assertThat(third.lastPage(0)).isEqualTo(1);
        assertThat(third.lastPage(40)).isEqualTo(2);
        assertThat(third.lastPage(41)).isEqualTo(3);
    }

    @Test
    void aPageBeyondALimitIsTheLimit() {
        assertThat(PageRequest.of("5000", 10).atMost(1000).number()).isEqualTo(1000);
        assertThat(PageRequest.of("12", 10).atMost(1000).number()).isEqualTo(12);
    }
}
