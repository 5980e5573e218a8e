package se.partnerskap.application.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/**
 * The addresses of submission, under the applications' /ansokningar and /en/applications, with their
 * last segment in the page's language ({@code /ansokningar/{id}/skicka-in} switches to
 * {@code /en/applications/{id}/submit}). Each page still answers to the other language's segment, so
 * that addresses given out before keep working.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionPaths {

    static final String SV = "/ansokningar";
    static final String EN = "/en/applications";

    static final String SUBMIT_SV = "skicka-in";
    static final String SUBMIT_EN = "submit";
    static final String RECEIPT_SV = "kvitto";
    static final String RECEIPT_EN = "receipt";
    static final String WITHDRAW_SV = "aterkalla";
    static final String WITHDRAW_EN = "withdraw";
    static final String CLOSED_SV = "stangd";
    static final String CLOSED_EN = "closed";
    static final String MINE_SV = "mina";
    static final String MINE_EN = "mine";

    @Bean
    PathPairs submissionPathPairs() {
        return PathPairs.of(SV, EN).withSegments(SUBMIT_SV, SUBMIT_EN, RECEIPT_SV, RECEIPT_EN,
                RECEIPT_SV + ".pdf", RECEIPT_EN + ".pdf", WITHDRAW_SV, WITHDRAW_EN, CLOSED_SV, CLOSED_EN, MINE_SV, MINE_EN);
    }
}
