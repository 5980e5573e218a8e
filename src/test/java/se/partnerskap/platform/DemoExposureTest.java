package se.partnerskap.platform;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import se.partnerskap.PartnerskapApplication;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Demo mode (shared passwords, readable mail) stays on this machine unless the operator says otherwise. */
@ExtendWith(OutputCaptureExtension.class)
class DemoExposureTest extends AbstractIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void theDemoAnswersOnLocalhostButNotOnTheMachinesNetworkAddress() throws IOException {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(get("/").statusCode()).isEqualTo(200);

        Optional<InetAddress> network = networkAddress();
        assumeTrue(network.isPresent(), "this machine has no network address besides loopback");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(network.get(), port), 2000))
                    .as("connecting to %s:%d", network.get().getHostAddress(), port)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDemoWithAPublicBaseUrlRefusesToStartAndSaysHowToGetOut(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PartnerskapApplication.class)
                .run("--partnerskap.demo=true", "--partnerskap.base-url=https://partnerskap.example.org",
                        "--server.port=0"))
                .isInstanceOf(DemoExposedException.class);
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("partnerskap.base-url is https://partnerskap.example.org")
                .contains("PARTNERSKAP_DEMO=false")
                .contains("partnerskap.demo-public=true");
    }

    @Test
    void thePublicDemoSwitchAllowsAPublicBaseUrlAndEveryAddress() {
        StandardEnvironment env = environment(Map.of("partnerskap.demo", "true", "partnerskap.demo-public", "true",
                "partnerskap.base-url", "https://demo.partnerskap.example.org"));
        new DemoExposure().postProcessEnvironment(env, null);
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);
        new DemoExposure().initialize(context);
        assertThat(env.getProperty("server.address")).isNull();
    }

    @Test
    void anExplicitServerAddressAndARealDeploymentAreLeftAlone() {
        StandardEnvironment explicit = environment(Map.of("partnerskap.demo", "true", "server.address", "0.0.0.0"));
        new DemoExposure().postProcessEnvironment(explicit, null);
        assertThat(explicit.getProperty("server.address")).isEqualTo("0.0.0.0");

        StandardEnvironment real = environment(Map.of("partnerskap.demo", "false",
                "partnerskap.base-url", "https://partnerskap.example.org"));
        new DemoExposure().postProcessEnvironment(real, null);
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(real);
        new DemoExposure().initialize(context);
        assertThat(real.getProperty("server.address")).isNull();
    }

    @Test
    void onlyAddressesOfThisMachineCountAsLocal() {
        assertThat(DemoExposure.local("http://localhost:8080")).isTrue();
        assertThat(DemoExposure.local("http://localhost:${local.server.port}")).isTrue();
        assertThat(DemoExposure.local("http://127.0.0.1:8080/")).isTrue();
        assertThat(DemoExposure.local("http://[::1]:8080")).isTrue();
        assertThat(DemoExposure.local("https://partnerskap.example.org")).isFalse();
        assertThat(DemoExposure.local("http://localhost.example.org")).isFalse();
        assertThat(DemoExposure.local("http://localhost@evil.example")).isFalse();
        assertThat(DemoExposure.local("not a url")).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        return env;
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
