package se.partnerskap.web;

import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/** Resolves a view name such as {@code "home"} to the precompiled template {@code home.jte}. */
class JteViewResolver implements ViewResolver, Ordered {

    private final TemplateEngine engine;

    JteViewResolver(TemplateEngine engine) {
        this.engine = engine;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
            return null;
        }
        String template = viewName + ".jte";
        return engine.hasTemplate(template) ? new JteView(engine, template) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private record JteView(TemplateEngine engine, String template) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        @SuppressWarnings("unchecked")
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            engine.render(template, (Map<String, Object>) model, output);
            response.setContentType(getContentType());
            response.setContentLength(output.getContentLength());
            output.writeTo(response.getOutputStream());
        }
    }
}
