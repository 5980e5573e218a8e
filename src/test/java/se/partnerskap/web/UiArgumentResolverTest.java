package se.partnerskap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A handler's {@code Ui} is the page context already in the model, never a form bound from the request. */
class UiArgumentResolverTest {

    @SuppressWarnings("unused")
    void handler(Ui ui, @ModelAttribute("other") Ui annotated, String text) {
    }

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method m = UiArgumentResolverTest.class.getDeclaredMethod("handler", Ui.class, Ui.class, String.class);
        return new MethodParameter(m, index);
    }

    @Test
    void takesThePlainUiParameterOnly() throws Exception {
        UiArgumentResolver resolver = new UiArgumentResolver(null);

        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isFalse();
        assertThat(resolver.supportsParameter(parameter(2))).isFalse();
    }

    @Test
    void answersWithTheModelsPageContextAsItIs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ansokningar/x/utmaning");
        request.addParameter("language", "en");
        request.addParameter("path", "/somewhere-else");
        Ui ui = UiAdvice.anonymous(request, null, null, null);
        ModelAndViewContainer container = new ModelAndViewContainer();
        container.addAttribute("ui", ui);

        Object resolved = new UiArgumentResolver(null).resolveArgument(parameter(0), container,
                new ServletWebRequest(request), null);

        assertThat(resolved).isSameAs(ui);
    }
}
