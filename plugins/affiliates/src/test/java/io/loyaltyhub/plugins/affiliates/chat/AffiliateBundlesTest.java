package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.CommissionStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both bundles have the same keys, every key the flow uses and no other, and texts that fit. */
class AffiliateBundlesTest {
    private static final BundleTexts EN = new BundleTexts(AffiliateChatFlow.BUNDLE, "en", AffiliateBundlesTest.class.getClassLoader());
    private static final BundleTexts HI = new BundleTexts(AffiliateChatFlow.BUNDLE, "hi", AffiliateBundlesTest.class.getClassLoader());
    /** {@code t.get("key"}, {@code t().get("key"}, {@code texts().get("key"}, and keys handed to a screen as {@code "payout.refused..."}. */
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "(?:(?:\\bt|\\bt\\(\\)|\\btexts|texts\\(\\))\\.get\\(|key = )\"([a-z][a-zA-Z0-9._\\-]*[a-zA-Z0-9])\"");

    @Test
    void englishAndHindiHaveTheSameKeys() {
        assertThat(new TreeSet<>(HI.keys())).isEqualTo(new TreeSet<>(EN.keys()));
        assertThat(EN.keys()).hasSizeGreaterThan(100);
    }

    /** Keys written in the flow's code, and the ones it builds (task rows and words, periods, statuses, languages). */
    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/loyaltyhub/plugins/affiliates/chat"))) {
            for (Path f : files.toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("found the literals").contains("welcome", "link.target.refused", "payout.refused.minimum");
        for (Task t : Task.values()) {
            used.add(t.menuKey());
            used.add(t.keywordsKey());
        }
        for (Period p : Period.values()) {
            used.add("stats." + p.name().toLowerCase(Locale.ROOT));
        }
        for (CommissionStatus s : CommissionStatus.values()) {
            used.add("commission.status." + s.name());
        }
        for (String l : FlowSupport.LANGUAGES) {
            used.add("language.name." + l);
            used.add("keywords.language." + l);
        }
        used.addAll(List.of("keywords.yes", "keywords.no", "keywords.skip", "format.locale", "format.date", "format.month"));
        return used;
    }

    @Test
    void everyKeyTheFlowUsesIsInBothAndNoOther() throws IOException {
        Set<String> used = usedKeys();
        Set<String> asked = new TreeSet<>(used);
        asked.addAll(StrictTexts.USED); // whatever the flow tests asked for, if they ran first
        assertThat(EN.keys()).containsAll(asked);
        assertThat(HI.keys()).containsAll(asked);
        assertThat(new TreeSet<>(EN.keys())).as("keys nothing uses").isSubsetOf(used);
    }

    @Test
    void textsAreWellFormed() {
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (String key : b.keys()) {
                String v = b.get(key);
                assertThat(v).as(b.language() + " " + key).isNotBlank();
                assertThat(v).as(b.language() + " " + key + ": write ’, a plain ' vanishes in MessageFormat").doesNotContain("'");
                assertThat(new MessageFormat(v).format(new Object[]{"a", "b", "c", "d", "e", "f"})).as(key).isNotNull();
                assertThat(v.length()).as(key).isLessThanOrEqualTo(1024);
            }
        }
    }

    @Test
    void buttonsAndRowsFit() {
        Set<String> buttons = Set.of("apply.button", "language.name.en", "language.name.hi", "menu.button", "button.menu",
                "button.cancel", "button.links", "button.stats", "button.commissions", "button.payout", "links.new",
                "links.button", "link.target.skip", "stats.this_month", "stats.last_month", "stats.all_time", "payout.yes",
                "payout.no");
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (String key : buttons) {
                assertThat(b.get(key).length()).as(b.language() + " " + key).isLessThanOrEqualTo(Fit.BUTTON);
            }
            for (Task t : Task.values()) {
                assertThat(b.get(t.menuKey()).length()).as(b.language() + " " + t).isLessThanOrEqualTo(Fit.ROW_TITLE);
            }
        }
    }

    @Test
    void theMenuNamesEveryCommand() {
        for (BundleTexts b : new BundleTexts[]{EN, HI}) {
            for (Task t : Task.values()) {
                if (t != Task.LANGUAGE) {
                    assertThat(b.get("help.body")).as(b.language() + " help").contains(t == Task.HELP ? "/menu" : t.command());
                }
            }
        }
    }
}
