package se.partnerskap.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class NotificationPaths {

    @Bean
    PathPairs notificationPathPairs() {
        return PathPairs.of("/demo/e-post", "/en/demo/mail");
    }
}
