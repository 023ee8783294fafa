package io.loyaltyhub.host.testing;

import java.io.IOException;
import java.nio.file.Path;

/** The fixture plugins the integration tests load, as real jars. */
public final class FixturePlugins {
    private FixturePlugins() {
    }

    /**
     * A good plugin using every extension point: an entity and migration, a setting, a listener
     * on the stores plugin's events, a job every second, and a route showing what they did.
     */
    public static Path probe(Path dir) throws IOException {
        return PluginJarBuilder.plugin("probe", "fixture.probe.ProbePlugin")
                .source("fixture.probe.ProbePlugin", """
                        package fixture.probe;
                        public class ProbePlugin extends org.pf4j.Plugin {
                            public ProbePlugin(io.loyaltyhub.api.plugin.PluginContext context) { }
                        }
                        """)
                .source("fixture.probe.ProbeDeclaration", """
                        package fixture.probe;
                        import io.loyaltyhub.api.plugin.*;
                        @org.pf4j.Extension
                        public class ProbeDeclaration implements PluginDeclaration {
                            public SettingsSchema settingsSchema() {
                                return SettingsSchema.of(SettingDefinition.of("greeting", SettingType.STRING, "hello", "Said back."));
                            }
                            public java.util.List<Class<?>> entityClasses() { return java.util.List.of(ProbeRecord.class); }
                        }
                        """)
                .source("fixture.probe.ProbeRecord", """
                        package fixture.probe;
                        import jakarta.persistence.*;
                        @Entity @Table(name = "probe_record")
                        public class ProbeRecord {
                            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                            @Column(name = "event_id") String eventId;
                            @Column(name = "store_code") String storeCode;
                            protected ProbeRecord() { }
                            ProbeRecord(String eventId, String storeCode) { this.eventId = eventId; this.storeCode = storeCode; }
                            public String storeCode() { return storeCode; }
                        }
                        """)
                .source("fixture.probe.StoreCreatedListener", """
                        package fixture.probe;
                        import io.loyaltyhub.api.event.*;
                        import io.loyaltyhub.api.plugin.PluginContext;
                        @org.pf4j.Extension
                        public class StoreCreatedListener implements EventListener {
                            private final PluginContext context;
                            public StoreCreatedListener(PluginContext context) { this.context = context; }
                            public String id() { return "probe.store-created"; }
                            public java.util.Set<String> eventTypes() { return java.util.Set.of("stores.store-created"); }
                            public void onEvent(Event event, io.loyaltyhub.api.data.Tx tx) {
                                java.util.Map<?, ?> store = context.json().read(event.payload(), java.util.Map.class);
                                tx.em().persist(new ProbeRecord(event.id(), (String) store.get("code")));
                            }
                        }
                        """)
                .source("fixture.probe.TickJob", """
                        package fixture.probe;
                        import io.loyaltyhub.api.job.*;
                        import io.loyaltyhub.api.plugin.PluginContext;
                        @org.pf4j.Extension
                        public class TickJob implements ScheduledJob {
                            private final PluginContext context;
                            public TickJob(PluginContext context) { this.context = context; }
                            public String id() { return "probe.tick"; }
                            public Schedule schedule() { return Schedule.every(java.time.Duration.ofSeconds(1)); }
                            public void run(JobRun run) {
                                context.transactions().run(tx -> {
                                    tx.em().createNativeQuery("INSERT INTO probe_tick (job_id, runs) VALUES ('tick', 1) "
                                            + "ON DUPLICATE KEY UPDATE runs = runs + 1").executeUpdate();
                                    return null;
                                });
                            }
                        }
                        """)
                .source("fixture.probe.ProbeEndpoint", """
                        package fixture.probe;
                        import io.loyaltyhub.api.http.*;
                        import io.loyaltyhub.api.plugin.PluginContext;
                        import java.util.*;
                        @org.pf4j.Extension
                        public class ProbeEndpoint implements ApiEndpoint {
                            private final PluginContext context;
                            public ProbeEndpoint(PluginContext context) { this.context = context; }
                            public String area() { return "probe"; }
                            public List<ApiRoute> routes() {
                                return List.of(ApiRoute.get("/", "probe:read", "What the probe saw", Map.class, r -> {
                                    return context.transactions().inTransaction(tx -> {
                                        List<String> codes = tx.em().createQuery("from ProbeRecord", ProbeRecord.class)
                                                .getResultList().stream().map(ProbeRecord::storeCode).toList();
                                        List<?> ticks = tx.em().createNativeQuery("SELECT runs FROM probe_tick").getResultList();
                                        long runs = ticks.isEmpty() ? 0 : ((Number) ticks.get(0)).longValue();
                                        return ApiResponse.ok(Map.of("storeCodes", codes, "ticks", runs,
                                                "greeting", context.settings().string("greeting")));
                                    });
                                }));
                            }
                        }
                        """)
                .resource("db/migration/probe/V1__probe.sql", """
                        CREATE TABLE probe_record (
                            id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                            event_id CHAR(36) NOT NULL,
                            store_code VARCHAR(40) NOT NULL
                        );
                        CREATE TABLE probe_tick (job_id VARCHAR(20) NOT NULL PRIMARY KEY, runs INT NOT NULL);
                        """)
                .writeTo(dir);
    }

    /** Throws on start; its route must never be mounted. */
    public static Path failingOnStart(Path dir) throws IOException {
        return PluginJarBuilder.plugin("failing", "fixture.failing.FailingPlugin")
                .source("fixture.failing.FailingPlugin", """
                        package fixture.failing;
                        public class FailingPlugin extends org.pf4j.Plugin {
                            public void start() {
                                throw new io.loyaltyhub.api.plugin.PluginStartException("the payment gateway is unreachable");
                            }
                        }
                        """)
                .source("fixture.failing.FailingEndpoint", """
                        package fixture.failing;
                        import io.loyaltyhub.api.http.*;
                        @org.pf4j.Extension
                        public class FailingEndpoint implements ApiEndpoint {
                            public String area() { return "failing"; }
                            public java.util.List<ApiRoute> routes() {
                                return java.util.List.of(ApiRoute.get("/", "failing:read", "never mounted", null,
                                        r -> ApiResponse.ok("should not be reachable")));
                            }
                        }
                        """)
                .writeTo(dir);
    }

    /** Its migration is not valid SQL. */
    public static Path brokenMigration(Path dir) throws IOException {
        return PluginJarBuilder.plugin("broken-migration", "fixture.broken.BrokenPlugin")
                .source("fixture.broken.BrokenPlugin", """
                        package fixture.broken;
                        public class BrokenPlugin extends org.pf4j.Plugin { }
                        """)
                .source("fixture.broken.BrokenEndpoint", """
                        package fixture.broken;
                        import io.loyaltyhub.api.http.*;
                        @org.pf4j.Extension
                        public class BrokenEndpoint implements ApiEndpoint {
                            public String area() { return "broken"; }
                            public java.util.List<ApiRoute> routes() {
                                return java.util.List.of(ApiRoute.get("/", "broken:read", "never mounted", null,
                                        r -> ApiResponse.ok("should not be reachable")));
                            }
                        }
                        """)
                .resource("db/migration/broken-migration/V1__broken.sql",
                        "CREATE TABLE broken_thing (id BIGINT PRIMARY KEY, oops\n")
                .writeTo(dir);
    }

    /** Needs a setting that has no default, so it cannot start until an admin sets it. */
    public static Path needsSetting(Path dir) throws IOException {
        return PluginJarBuilder.plugin("needs-token", "fixture.token.TokenPlugin")
                .source("fixture.token.TokenPlugin", """
                        package fixture.token;
                        public class TokenPlugin extends org.pf4j.Plugin { }
                        """)
                .source("fixture.token.TokenDeclaration", """
                        package fixture.token;
                        import io.loyaltyhub.api.plugin.*;
                        @org.pf4j.Extension
                        public class TokenDeclaration implements PluginDeclaration {
                            public SettingsSchema settingsSchema() {
                                return SettingsSchema.of(new SettingDefinition("api-token", "API token", SettingType.SECRET,
                                        null, null, "Token of the partner API.", SettingValidator.notBlank()));
                            }
                        }
                        """)
                .writeTo(dir);
    }
}
