package se.partnerskap.application.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class ApplicationPaths {

    static final String SV = "/ansokningar";
    static final String EN = "/en/applications";

    @Bean
    PathPairs applicationPathPairs() {
        return PathPairs.of(SV, EN);
    }
}
