package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentsTest {
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Mobile Safari/537.36";
    static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/16.6 Mobile/15E148 Safari/604.1";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static UserAgents agents;

    @BeforeAll
    static void build() {
        agents = new UserAgents();
    }

    @Test
    void browsersGetTheirDeviceTypeOsAndBrowser() {
        UserAgents.Device iphone = agents.classify(IPHONE);
        assertThat(iphone.type()).isEqualTo("phone");
        assertThat(iphone.os()).startsWith("iOS 17");
        assertThat(iphone.browser()).startsWith("Safari 17");
        assertThat(iphone.bot()).isFalse();
        UserAgents.Device android = agents.classify(ANDROID);
        assertThat(android.type()).isEqualTo("phone");
        assertThat(android.os()).startsWith("Android 14");
        assertThat(android.browser()).startsWith("Chrome 124");
        UserAgents.Device windows = agents.classify(WINDOWS);
        assertThat(windows.type()).isEqualTo("desktop");
        assertThat(windows.os()).startsWith("Windows");
        assertThat(windows.bot()).isFalse();
        assertThat(agents.classify(IPAD).type()).isEqualTo("tablet");
    }

    @Test
    void robotsAndMissingAgentsAreBots() {
        UserAgents.Device google = agents.classify(GOOGLEBOT);
        assertThat(google.bot()).isTrue();
        assertThat(google.type()).isEqualTo("bot");
        assertThat(google.browser()).startsWith("Googlebot");
        assertThat(agents.classify("curl/8.5.0").bot()).isTrue();
        assertThat(agents.classify(null).bot()).isTrue();
        assertThat(agents.classify("  ").type()).isEqualTo("unknown");
    }

    @Test
    void yauaaFieldsMapToStoredValues() {
        assertThat(UserAgents.device("Robot Mobile", "Android ??", "Bingbot 2")).isEqualTo(
                new UserAgents.Device("bot", "Android", "Bingbot 2", true));
        assertThat(UserAgents.device("Hacker", "Unknown ??", "Unknown")).isEqualTo(
                new UserAgents.Device("bot", null, null, true));
        assertThat(UserAgents.device("Set-top box", null, null).type()).isEqualTo("tv");
        assertThat(UserAgents.device("eReader", null, null).type()).isEqualTo("other");
    }
}
