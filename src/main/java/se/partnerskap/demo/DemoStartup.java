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
    private final ObjectProvider<DemoFollowUp> followUp;
    private final ObjectProvider<DemoNews> news;

    DemoStartup(DemoLoader loader, ObjectProvider<DemoRounds> rounds, ObjectProvider<DemoFollowUp> followUp,
            ObjectProvider<DemoNews> news) {
        this.loader = loader;
        this.news = news;
        this.rounds = rounds;
        this.followUp = followUp;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        loader.loadOnce();
        // the news items of the same pages, in the newsroom (after the contact persons they name)
        news.ifAvailable(DemoNews::loadOnce);
        // rounds open around today, so that applicants can try the journey
        rounds.ifAvailable(DemoRounds::loadOnce);
        // and a call of the fieldwork grant, which the demo student applies to herself
        rounds.ifAvailable(DemoRounds::fieldworkCallOnce);
        // two projects to follow up, for anna's and per's organisations
        followUp.ifAvailable(DemoFollowUp::loadOnce);
    }
}
