package se.partnerskap.web;

import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final org.springframework.beans.factory.ObjectProvider<UiAdvice> uiAdvice;

    WebConfiguration(org.springframework.beans.factory.ObjectProvider<UiAdvice> uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    /** {@code Ui ui} in a handler is the model's page context, not a form to bind ({@link UiArgumentResolver}). */
    @Override
    public void addArgumentResolvers(List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new UiArgumentResolver(uiAdvice.getObject()));
    }

    @Bean
    TemplateEngine jteTemplateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine jteTemplateEngine) {
        return new JteViewResolver(jteTemplateEngine);
    }

    /** The language is part of the address: English under /en, Swedish everywhere else. */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public java.util.Locale resolveLocale(HttpServletRequest request) {
                return Languages.of(request).locale();
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
                throw new UnsupportedOperationException("The language follows the path");
            }
        };
    }

    @Bean
    LanguagePaths languagePaths(List<PathPairs> pairs) {
        return new LanguagePaths(pairs);
    }
}
