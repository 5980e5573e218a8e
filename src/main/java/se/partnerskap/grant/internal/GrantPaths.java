package se.partnerskap.grant.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/** The Swedish and English paths of the project follow-up: the grantees' and the case officers' pages. */
@Configuration(proxyBeanMethods = false)
class GrantPaths {

    @Bean
    PathPairs grantPathPairs() {
        return PathPairs.of(
                "/mina-projekt", "/en/my-projects",
                "/uppfoljning", "/en/follow-up");
    }
}
