package io.loyaltyhub.host.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table, the defaults file and the Docker files cannot drift apart. */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A row of the configuration table: | `key` | `ENV_VAR` | default | meaning | */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]*)` \\| `([A-Z][A-Z0-9_]*)` \\|");

    record Key(String key, String env) {
    }

    static List<Key> documentedKeys() throws IOException {
        List<Key> keys = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                keys.add(new Key(m.group(1), m.group(2)));
            }
        }
        return keys;
    }

    @Test
    void everyDocumentedKeyIsInTheDockerEnvironmentFile() throws IOException {
        List<Key> keys = documentedKeys();
        assertThat(keys).as("the README's configuration table").hasSizeGreaterThan(30);
        Set<String> listed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docker/.env.example"))) {
            Matcher m = Pattern.compile("^([A-Z][A-Z0-9_]*)=").matcher(line);
            if (m.find()) {
                listed.add(m.group(1));
            }
        }
        assertThat(listed).containsAll(keys.stream().map(Key::env).toList());
    }

    @Test
    void environmentNamesFollowMicroProfileRules() throws IOException {
        for (Key k : documentedKeys()) {
            assertThat(k.env()).as(k.key()).isEqualTo(k.key().toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
    }

    @Test
    void composePassesTheEnvironmentFileAndKeepsSecretsOutOfTheImage() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker/compose.yml"));
        assertThat(compose).contains("env_file:", "- .env", "/app/geoip");
        String ignored = Files.readString(ROOT.resolve(".dockerignore"));
        assertThat(ignored.lines().map(String::strip)).contains(".git", "**/target/", "data/", "docker/.env");
    }

    @Test
    void everyKeyWithADefaultIsDocumented() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        documentedKeys().forEach(k -> documented.add(k.key()));
        for (String line : Files.readAllLines(ROOT.resolve("config/microprofile-config.properties"))) {
            Matcher m = Pattern.compile("^([a-z][a-z0-9.-]*)=").matcher(line);
            if (m.find()) {
                assertThat(documented).as("README documents " + m.group(1)).contains(m.group(1));
            }
        }
    }
}
