package se.partnerskap.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With {@code partnerskap.demo=true}, loads the demo data and the demo rounds when the application is ready (once per database). */
@Component
@ConditionalOnBooleanProperty("partnerskap.demo")
class DemoStartup {

    private final DemoLoader loader;
    private final ObjectProvider<DemoRounds> rounds;

    DemoStartup(DemoLoader loader, ObjectProvider<DemoRounds> rounds) {
        this.loader = loader;
        this.rounds = rounds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        loader.loadOnce();
        // rounds open around today, so that applicants can try the journey
        rounds.ifAvailable(DemoRounds::loadOnce);
    }
}
