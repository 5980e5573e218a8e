package se.partnerskap.application.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/**
 * The addresses of submission, under the applications' /ansokningar and /en/applications. Each page
 * answers to both the Swedish and the English last segment in either language, because the language
 * switcher keeps that segment ({@code /ansokningar/{id}/skicka-in} switches to
 * {@code /en/applications/{id}/skicka-in}).
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
        return PathPairs.of(SV, EN);
    }
}
