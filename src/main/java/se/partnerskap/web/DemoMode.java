package se.partnerskap.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.partnerskap.platform.PartnerskapProperties;

/**
 * Whether this is the demo ({@code partnerskap.demo}), and whether its mail stays in the local catcher
 * (no {@code spring.mail.host}); every page says so in its banner.
 */
@Component
public class DemoMode {

    private final boolean on;
    private final boolean mailCaught;

    DemoMode(PartnerskapProperties properties, @Value("${spring.mail.host:}") String mailHost) {
        boolean on = properties.demo();
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
