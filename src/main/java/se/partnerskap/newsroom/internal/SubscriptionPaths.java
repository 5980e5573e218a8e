package se.partnerskap.newsroom.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

/** The Swedish and English addresses of the subscription's links, for the language switcher. */
@Configuration(proxyBeanMethods = false)
class SubscriptionPaths {

    @Bean
    PathPairs subscriptionPathPairs() {
        return PathPairs.of(
                "/prenumeration/bekrafta", "/en/subscription/confirm",
                "/prenumeration/bekraftad", "/en/subscription/confirmed",
                "/prenumeration/avsluta", "/en/subscription/unsubscribe",
                "/prenumeration/avslutad", "/en/subscription/unsubscribed");
    }
}
