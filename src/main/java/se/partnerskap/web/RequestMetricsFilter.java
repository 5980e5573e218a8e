package se.partnerskap.web;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The requests' observation ({@code http.server.requests}) as Spring Boot configures it, but one place later in
 * the filter chain: after {@link RequestIds} and {@link PageReplay}. Boot puts it second of all filters, where it
 * cost about a sixth of the time of a page answered from the cache; those answers are counted by
 * {@link PageReplay} instead ({@value PageReplay#METRIC}). Every other request is observed as before.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetricsFilter {

    /** After {@link PageReplay} ({@code HIGHEST_PRECEDENCE + 1}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
            ObjectProvider<ServerRequestObservationConvention> convention, ObservationProperties properties) {
        String name = properties.getHttp().getServer().getRequests().getName();
        ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry,
                convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name)));
        FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
