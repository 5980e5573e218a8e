package se.partnerskap.assessment.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class AssessmentPaths {

    @Bean
    PathPairs assessmentPathPairs() {
        return PathPairs.of(
                "/handlaggning", "/en/assessment",
                "/handlaggning/omgangar", "/en/assessment/rounds",
                "/handlaggning/ansokningar", "/en/assessment/applications",
                "/handlaggning/logg", "/en/assessment/log",
                "/granskning", "/en/reviews");
    }
}
