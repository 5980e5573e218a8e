package se.partnerskap.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The loader runs at start-up only in demo mode (a configured server starts without demo data). */
class DemoStartupTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DemoLoader.class, () -> mock(DemoLoader.class))
            .withUserConfiguration(DemoStartup.class);

    @Test
    void loadsInDemoModeOnly() {
        runner.withPropertyValues("partnerskap.demo=true").run(c -> assertThat(c).hasSingleBean(DemoStartup.class));
        runner.withPropertyValues("partnerskap.demo=false").run(c -> assertThat(c).doesNotHaveBean(DemoStartup.class));
        runner.run(c -> assertThat(c).doesNotHaveBean(DemoStartup.class));
    }
}
