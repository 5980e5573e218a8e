package se.partnerskap.support;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;

@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
class TestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** Wraps the data source (a bean post-processor, hence static). */
    @Bean
    static Statements statements() {
        return new Statements();
    }

    /** First of all filters: the count includes reading and writing the session. */
    @Bean
    FilterRegistrationBean<Statements> statementsFilter(Statements statements) {
        FilterRegistrationBean<Statements> bean = new FilterRegistrationBean<>(statements);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
