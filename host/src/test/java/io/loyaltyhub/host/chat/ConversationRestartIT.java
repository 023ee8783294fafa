package io.loyaltyhub.host.chat;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation halfway through joining continues after the server restarts. */
class ConversationRestartIT {

    @Test
    void aConversationHalfwayThroughAFlowContinuesAfterARestart() throws Exception {
        try (MetaGraphApi meta = new MetaGraphApi();
             TestServer server = TestServer.start("wa-restart", TestServer.shippedPlugins(), Clock.systemUTC(),
                     c -> c.withChat(meta.chatConfig(Duration.ofSeconds(5))))) {
            WhatsAppUser u = new WhatsAppUser("+919812300001", server, meta, new MetaWebhooks(server.base()));
            u.says("hi");
            u.taps("c:yes");
            u.says("Lakshmi Iyer"); // now asked for the birthday

            server.restart();

            // a new server on new ports, the same database: the next message is the birthday
            WhatsAppUser again = new WhatsAppUserAfterRestart(u, server, meta).user();
            again.says("05/11/1990");
            var customer = server.server().service(LoyaltyService.class).orElseThrow()
                    .findByMobile("+919812300001").orElseThrow();
            assertThat(customer.name()).isEqualTo("Lakshmi Iyer");
            assertThat(customer.birthday().day()).isEqualTo(5);
            assertThat(customer.birthday().month()).isEqualTo(11);
            assertThat(customer.birthday().year()).isEqualTo(1990);
            assertThat(again.choices()).contains("m:points");
        }
    }

    /** The same person, now talking to the restarted server; WireMock keeps what it saw. */
    private record WhatsAppUserAfterRestart(WhatsAppUser before, TestServer server, MetaGraphApi meta) {
        WhatsAppUser user() {
            WhatsAppUser u = new WhatsAppUser(before.mobile, server, meta, new MetaWebhooks(server.base()));
            u.skipSeen(meta.requestsTo(before.mobile).size());
            return u;
        }
    }
}
