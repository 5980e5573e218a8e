package se.partnerskap.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import se.partnerskap.platform.PartnerskapProperties;

/**
 * The operations endpoints. Health (with its liveness and readiness groups) stays open for load
 * balancers and orchestrators; everything else, Prometheus metrics first of all, is served only to the
 * scraper that authenticates with HTTP Basic as {@code partnerskap.metrics.username} /
 * {@code partnerskap.metrics.password}. With no password configured nobody can read the metrics.
 * Stateless: a scrape never creates a session.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String SCRAPER_ROLE = "METRICS";

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, PasswordEncoder encoder,
            PartnerskapProperties properties) throws Exception {
        String username = properties.metrics().username();
        String password = properties.metrics().password();
        String hash = password.isBlank() ? null : encoder.encode(password);
        UserDetailsService scraper = name -> {
            if (hash == null || !username.equals(name)) {
                throw new UsernameNotFoundException("No such scraper");
            }
            return User.withUsername(username).password(hash).roles(SCRAPER_ROLE).build();
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(scraper);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(SCRAPER_ROLE))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(b -> b.realmName("partnerskap-metrics"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable());
        return http.build();
    }
}
