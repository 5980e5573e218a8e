package se.partnerskap.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs name the organisation's mail domain, never the person's mailbox. */
class EmailAddressLogTest {

    @Test
    void aLoggedAddressKeepsOnlyTheDomain() {
        assertThat(EmailAddress.forLog("Anna.Applicant@Karlstad.se")).isEqualTo("…@karlstad.se")
                .doesNotContainIgnoringCase("anna");
    }

    @Test
    void somethingThatIsNoAddressShowsNothingOfIt() {
        assertThat(EmailAddress.forLog("anna applicant")).isEqualTo("…");
        assertThat(EmailAddress.forLog(null)).isEqualTo("…");
    }
}
