package se.partnerskap.newsroom.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/** The Swedish and English paths of the newsroom, its search, publications and subscriptions. */
@Configuration(proxyBeanMethods = false)
class NewsroomPaths {

    @Bean
    PathPairs newsroomPathPairs() {
        return PathPairs.of(
                "/nyheter", "/en/news",
                "/publikationer", "/en/publications",
                "/sok", "/en/search",
                "/prenumeration", "/en/subscription",
                "/admin/nyheter", "/en/admin/news");
    }
}
