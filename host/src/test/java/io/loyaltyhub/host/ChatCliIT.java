package io.loyaltyhub.host;

import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line chat and the simulator API it uses, against a real server (no WhatsApp account). */
class ChatCliIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("chat-cli", TestServer.shippedPlugins());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCustomerJoinsFromTheTerminalByTypingAndTappingNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // hi -> consent buttons (1 = yes) -> name -> birthday
        String input = "hi\n1\nNisha Kapoor\n15/08\npoints\n";
        int exit = ChatCli.run(new String[]{"--url", server.base(), "98111 22200"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("LOYALTY_API_KEY", TestServer.API_KEY));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(shown).isZero();
        assertThat(shown).contains("bot: ", "1) ", "(tapped ");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer WHERE mobile = '+919811122200' "
                + "AND name = 'Nisha Kapoor'")).isEqualTo(1);
        // the simulator's messages are in the log, on their own channel
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE channel = 'simulator' "
                + "AND user_id = '+919811122200'")).isEqualTo(5);
        assertThat(server.get("/api/v1/chat/messages?user=%2B919811122200", TestServer.API_KEY).json().size())
                .isGreaterThan(5);
    }

    @Test
    void withoutAKeyItSaysHowToUseIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ChatCli.run(new String[]{"+919811122201"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:", "LOYALTY_API_KEY");
    }

    @Test
    void theSimulatorApiRefusesBadInputWithClearProblems() {
        var noUser = server.send("POST", "/api/v1/chat/simulator", TestServer.API_KEY, "{\"text\":\"hi\"}");
        assertThat(noUser.status()).isEqualTo(422);
        assertThat(noUser.json().path("errors").has("user")).isTrue();
        var both = server.send("POST", "/api/v1/chat/simulator", TestServer.API_KEY,
                "{\"user\":\"+919811122202\",\"text\":\"hi\",\"choice\":\"c:yes\"}");
        assertThat(both.status()).isEqualTo(422);
        var badNumber = server.send("POST", "/api/v1/chat/simulator", TestServer.API_KEY,
                "{\"user\":\"not a phone\",\"text\":\"hi\"}");
        assertThat(badNumber.status()).isEqualTo(422);
        var badAudience = server.send("POST", "/api/v1/chat/simulator", TestServer.API_KEY,
                "{\"audience\":\"robot\",\"user\":\"+919811122202\",\"text\":\"hi\"}");
        assertThat(badAudience.status()).isEqualTo(422);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound")).isZero();
        assertThat(server.send("POST", "/api/v1/chat/simulator", null,
                "{\"user\":\"+919811122202\",\"text\":\"hi\"}").status()).isEqualTo(401);
    }

    @Test
    void theChannelsStatusSaysWhatsAppIsOffWithoutAToken() {
        var r = server.get("/api/v1/chat/channels", TestServer.API_KEY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).path("channel").asText()).isEqualTo("whatsapp");
        assertThat(r.json().get(0).path("configured").asBoolean()).isFalse();
        assertThat(r.json().get(0).path("detail").asText()).contains("whatsapp.access-token");
        // and its webhook says so instead of accepting deliveries nobody would answer
        assertThat(server.send("POST", "/webhooks/whatsapp", null, "{}").status()).isEqualTo(404);
    }
}
