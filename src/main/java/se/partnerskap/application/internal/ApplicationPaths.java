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
        // a section's own segment is its form's: the section page names its address in the other language itself
        return PathPairs.of(SV, EN, "/handledare", "/en/supervisor").withSegments("granska", "check-answers", "ta-bort", "remove", "konflikt", "conflict");
    }
}
