package se.partnerskap.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A handler's {@code Ui ui} parameter: the page context {@link UiAdvice} put into the model, as it is. Without
 * this Spring MVC treats it as a model attribute and binds every request parameter onto it (a form post of a
 * section: some forty fields looked up on a record with no setters), about 4 % of an autosave (bench/README.md).
 */
final class UiArgumentResolver implements HandlerMethodArgumentResolver {

    private final UiAdvice advice;

    UiArgumentResolver(UiAdvice advice) {
        this.advice = advice;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Ui.class && parameter.getParameterAnnotations().length == 0;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object kept = container == null ? null : container.getModel().get("ui");
        return kept instanceof Ui ui ? ui : advice.ui(request.getNativeRequest(HttpServletRequest.class));
    }
}
