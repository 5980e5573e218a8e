package se.partnerskap.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With {@code partnerskap.demo=true}, loads the demo data when the application is ready (once per database). */
@Component
@ConditionalOnBooleanProperty("partnerskap.demo")
class DemoStartup {

    private final DemoLoader loader;

    DemoStartup(DemoLoader loader) {
        this.loader = loader;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        loader.loadOnce();
    }
}
