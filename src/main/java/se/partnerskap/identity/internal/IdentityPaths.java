package se.partnerskap.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class IdentityPaths {

    @Bean
    PathPairs identityPathPairs() {
        return PathPairs.of(
                "/login", "/en/login",
                "/konto", "/en/account",
                "/konto/losenord", "/en/account/password",
                "/konto/sprak", "/en/account/language",
                "/konto/organisationer", "/en/account/organisations",
                "/organisationer/forfragningar", "/en/organisations/requests",
                "/registrera/skickat", "/en/register/sent",
                "/registrera", "/en/register",
                "/admin/anvandare", "/en/admin/users",
                "/admin/anvandare/bjud-in", "/en/admin/users/invite",
                "/inbjudan", "/en/invitation",
                "/glomt-losenord", "/en/forgot-password",
                "/aterstall-losenord", "/en/reset-password",
                "/installation", "/en/setup");
    }
}
