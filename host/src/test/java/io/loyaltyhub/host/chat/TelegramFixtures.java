package io.loyaltyhub.host.chat;

import io.loyaltyhub.host.testing.PluginJarBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugins directory holding only a tiny affiliates' flow (audience AFFILIATE), so the Telegram
 * tests see exactly what the channel does, whatever other plugins are built: it echoes text,
 * offers two buttons or a menu on request, and says which choice was tapped.
 */
final class TelegramFixtures {
    private TelegramFixtures() {
    }

    static Path echoFlowPlugins() throws IOException {
        Path dir = Files.createTempDirectory("telegram-it-plugins");
        PluginJarBuilder.plugin("tgecho", "fixture.tgecho.EchoPlugin")
                .source("fixture.tgecho.EchoPlugin", """
                        package fixture.tgecho;
                        public class EchoPlugin extends org.pf4j.Plugin {
                        }
                        """)
                .source("fixture.tgecho.EchoFlow", """
                        package fixture.tgecho;
                        import io.loyaltyhub.api.chat.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class EchoFlow implements ChatFlow {
                            public String id() { return "tgecho.affiliate"; }
                            public Audience audience() { return Audience.AFFILIATE; }
                            public String bundle() { return "chat/tgecho"; }
                            public ChatStep handle(ChatTurn t) {
                                Inbound in = t.input();
                                if (in.kind() == Inbound.Kind.CHOICE) {
                                    return ChatStep.to("tapped", Reply.text("tapped " + in.choice() + " (" + in.text() + ")"));
                                }
                                if (t.intent() == Intent.MENU) {
                                    return ChatStep.to("menu", Reply.menu(t.texts().get("menu"), "Open", List.of(
                                            Choice.of("m:links", "My links"), new Choice("m:stats", "Stats", "clicks and sales"),
                                            Choice.of("m:help", "Help"))));
                                }
                                if (in.text().equals("buttons")) {
                                    return ChatStep.to("asked", Reply.buttons("Pick *one*", Choice.of("p:links", "My links"),
                                            Choice.of("p:stats", "Stats")));
                                }
                                return ChatStep.to("echo", Reply.text("echo: " + in.text()));
                            }
                        }
                        """)
                .resource("chat/tgecho_en.properties", "menu=What would you like to do?\n")
                .resource("chat/tgecho_hi.properties", "menu=What would you like to do?\n")
                .writeTo(dir);
        return dir;
    }
}
