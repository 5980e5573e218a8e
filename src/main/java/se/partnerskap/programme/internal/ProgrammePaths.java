package se.partnerskap.programme.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class ProgrammePaths {

    @Bean
    PathPairs programmePathPairs() {
        return PathPairs.of(
                "/admin/omgangar", "/en/admin/rounds",
                "/admin/omgangar/ny", "/en/admin/rounds/new",
                "/admin/komponenter", "/en/admin/components",
                "/admin/dokument", "/en/admin/documents");
    }
}
