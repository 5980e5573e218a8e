package se.partnerskap.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this is the demo ({@code partnerskap.demo}), and whether its mail stays in the local catcher
 * (no {@code spring.mail.host}); every page says so in its banner.
 */
@Component
public class DemoMode {

    private final boolean on;
    private final boolean mailCaught;

    DemoMode(@Value("${partnerskap.demo:false}") boolean on, @Value("${spring.mail.host:}") String mailHost) {
        this.on = on;
        this.mailCaught = on && mailHost.isBlank();
    }

    public boolean on() {
        return on;
    }

    public boolean mailCaught() {
        return mailCaught;
    }
}
