package se.partnerskap.publicsite.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class PublicSitePaths {

    @Bean
    PathPairs publicSitePathPairs() {
        return PathPairs.of(
                "/kommunala-partnerskap", "/en/municipal-partnership",
                "/resestipendium", "/en/fieldwork-grant",
                "/admin/innehall", "/en/admin/content",
                "/projekt", "/en/projects",
                "/karta", "/en/map",
                "/statistik", "/en/statistics",
                "/statistik.csv", "/en/statistics.csv",
                "/oppna-data", "/en/open-data",
                "/oppna-data/api", "/en/open-data/api");
    }
}
