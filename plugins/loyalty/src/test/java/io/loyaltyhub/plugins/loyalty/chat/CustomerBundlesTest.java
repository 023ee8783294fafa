package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.loyalty.MovementKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both bundles have the same keys, every key the flow uses, and texts that fit. */
class CustomerBundlesTest {
    private static final BundleTexts EN = new BundleTexts(CustomerChatFlow.BUNDLE, "en", CustomerBundlesTest.class.getClassLoader());
    private static final BundleTexts HI = new BundleTexts(CustomerChatFlow.BUNDLE, "hi", CustomerBundlesTest.class.getClassLoader());
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "(?:\\bt|\\bt\\(\\)|\\btexts|texts\\(\\))\\.get\\(\"([a-z][a-zA-Z0-9.\\-]*[a-zA-Z0-9])\"");

    @Test
    void englishAndHindiHaveTheSameKeys() {
        assertThat(new TreeSet<>(HI.keys())).isEqualTo(new TreeSet<>(EN.keys()));
        assertThat(EN.keys()).hasSizeGreaterThan(100);
    }

    /** Keys written in the flow's code (texts are {@code t}, {@code t()}, {@code texts} or {@code texts()}), and the ones it builds (task rows, movement kinds, refusals, languages). */
    @Test
    void everyKeyTheFlowUsesIsInBoth() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/loyaltyhub/plugins/loyalty/chat"))) {
            for (Path f : files.toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("found the literals").contains("greeting", "redeem.done", "kid.birthday.ask");
        for (Task t : Task.values()) {
            used.add(t.menuKey());
            used.add(t.menuKey() + ".desc");
            if (t.keywordsKey() != null) {
                used.add(t.keywordsKey());
            }
        }
        for (MovementKind k : MovementKind.values()) {
            used.add("history.kind." + k.name());
        }
        used.addAll(Membership.REDEEM_REFUSALS.values());
        for (String l : FlowSupport.LANGUAGES) {
            used.add("language.name." + l);
            used.add("keywords.language." + l);
        }
        used.addAll(StrictTexts.USED); // whatever the flow tests asked for, if they ran first
        assertThat(EN.keys()).containsAll(used);
        assertThat(HI.keys()).containsAll(used);
    }

    @Test
    void textsAreWellFormed() {
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (String key : b.keys()) {
                String v = b.get(key);
                assertThat(v).as(b.language() + " " + key).isNotBlank();
                assertThat(v).as(b.language() + " " + key + ": write ’, a plain ' vanishes in MessageFormat").doesNotContain("'");
                assertThat(new MessageFormat(v).format(new Object[]{"a", "b", "c", "d"})).as(key).isNotNull();
                assertThat(v.length()).as(key).isLessThanOrEqualTo(Fit.BODY);
            }
        }
    }

    @Test
    void buttonsRowsAndDescriptionsFitWhatsApp() {
        Set<String> buttons = Set.of("consent.yes", "consent.no", "language.name.en", "language.name.hi", "join.skip",
                "menu.button", "button.menu", "button.back", "button.rewards", "button.history", "button.points",
                "button.vouchers", "rewards.button", "reward.redeem", "redeem.yes", "redeem.no", "kids.add",
                "kids.remove", "kid.remove.button");
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (String key : buttons) {
                assertThat(b.get(key).length()).as(b.language() + " " + key).isLessThanOrEqualTo(Fit.BUTTON);
            }
            for (String key : b.keys()) {
                boolean row = key.startsWith("menu.") && key.matches("menu\\.[a-z]+") && !key.equals("menu.button")
                        && !key.equals("menu.body") && !key.equals("menu.greeting")
                        || key.equals("rewards.more") || key.equals("rewards.vouchers");
                if (row) {
                    assertThat(b.get(key).length()).as(b.language() + " " + key).isLessThanOrEqualTo(Fit.ROW_TITLE);
                }
                if (key.endsWith(".desc")) {
                    assertThat(b.get(key).length()).as(b.language() + " " + key).isLessThanOrEqualTo(Fit.ROW_DESCRIPTION);
                }
            }
        }
    }

    @Test
    void theMenuRowsAreNumberedInOrder() {
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (Task t : Task.values()) {
                assertThat(b.get(t.menuKey())).as(b.language() + " " + t).startsWith(t.number() + ". ");
            }
            assertThat(b.get("menu.start")).startsWith(Task.MESSAGES.number() + ". ");
        }
    }
}
