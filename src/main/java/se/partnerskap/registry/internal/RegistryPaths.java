package se.partnerskap.registry.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class RegistryPaths {

    @Bean
    PathPairs registryPathPairs() {
        return PathPairs.of("/admin/organisationer", "/en/admin/organisations");
    }
}
