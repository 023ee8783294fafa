package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetUrlsTest {
    private static final AffiliatesConfig CONFIG = new AffiliatesConfig("https://go.shop.example", "https://shop.example/",
            List.of("shop.example", "*.cdn.example"), false, "", 90, false, "INR", "IN");

    private static Map<String, String> tracking() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("utm_source", "affiliate");
        p.put("utm_medium", "referral");
        p.put("utm_campaign", "Diwali sale & more");
        p.put("ref", "AB3CD4E");
        return p;
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoUserInfoAreTargets() {
        assertThat(TargetUrls.parse("https://shop.example/p?x=1")).isPresent();
        assertThat(TargetUrls.parse("HTTP://Shop.Example")).isPresent();
        for (String bad : List.of("javascript:alert(1)", "//evil.example/x", "/relative", "ftp://shop.example/",
                "data:text/html,hi", "https://shop.example@evil.example/", "https://user:pw@shop.example/",
                "https://shop.example\\@evil.example/", "https://shop.example/ x", "https://shop.example/\r\nSet-Cookie:x",
                "https:///path", "https://", "mailto:a@b.c", "", "https://shop.example/" + "a".repeat(2000))) {
            assertThat(TargetUrls.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void hostsMustBeTheBaseHostOrOnTheAllowList() {
        assertThat(TargetUrls.refusal("https://shop.example/x", CONFIG)).isEmpty();
        assertThat(TargetUrls.refusal("https://SHOP.example./x", CONFIG)).isEmpty();
        assertThat(TargetUrls.refusal("https://go.shop.example/landing", CONFIG)).isEmpty();
        assertThat(TargetUrls.refusal("https://img.cdn.example/a.png", CONFIG)).isEmpty();
        assertThat(TargetUrls.refusal("https://cdn.example/", CONFIG)).hasValueSatisfying(m -> m.contains("cdn.example"));
        assertThat(TargetUrls.refusal("http://evil.example/", CONFIG)).isPresent();
        assertThat(TargetUrls.refusal("https://shop.example.evil.example/", CONFIG)).isPresent();
        assertThat(TargetUrls.refusal("https://evilshop.example/", CONFIG)).isPresent();
        assertThat(TargetUrls.hostAllowed("anything.example", List.of("*"), "base")).isTrue();
        assertThat(TargetUrls.hostAllowed("anything.example", List.of(), "base")).isFalse();
    }

    @Test
    void theAllowListSettingIsChecked() {
        assertThat(TargetUrls.checkAllowList("")).isEmpty();
        assertThat(TargetUrls.checkAllowList("shop.example, *.cdn.example ,*")).isEmpty();
        assertThat(TargetUrls.checkAllowList("shop.example, http://x.example")).isPresent();
        assertThat(TargetUrls.checkAllowList("sh op.example")).isPresent();
        assertThat(TargetUrls.checkAllowList("*.*")).isPresent();
        assertThat(TargetUrls.allowList(" A.Example. ,, b.example")).containsExactly("a.example", "b.example");
    }

    @Test
    void trackingParametersAreAppendedEncodedKeepingTheQueryAndFragment() {
        assertThat(TargetUrls.withTracking("https://shop.example", tracking())).isEqualTo(
                "https://shop.example/?utm_source=affiliate&utm_medium=referral&utm_campaign=Diwali%20sale%20%26%20more&ref=AB3CD4E");
        assertThat(TargetUrls.withTracking("https://shop.example/p/1?color=red&size=M#reviews", tracking())).isEqualTo(
                "https://shop.example/p/1?color=red&size=M&utm_source=affiliate&utm_medium=referral"
                        + "&utm_campaign=Diwali%20sale%20%26%20more&ref=AB3CD4E#reviews");
        // the target's own tracking values give way to the link's
        assertThat(TargetUrls.withTracking("https://shop.example/?utm_source=x&q=a%20b&ref=OLD", tracking())).isEqualTo(
                "https://shop.example/?q=a%20b&utm_source=affiliate&utm_medium=referral"
                        + "&utm_campaign=Diwali%20sale%20%26%20more&ref=AB3CD4E");
        Map<String, String> unicode = new LinkedHashMap<>();
        unicode.put("utm_campaign", "दिवाली");
        assertThat(TargetUrls.withTracking("https://shop.example:8443/a", unicode))
                .isEqualTo("https://shop.example:8443/a?utm_campaign=%E0%A4%A6%E0%A4%BF%E0%A4%B5%E0%A4%BE%E0%A4%B2%E0%A5%80");
    }

    @Test
    void nonAsciiTargetsAreStoredPercentEncoded() {
        assertThat(TargetUrls.parse("https://shop.example/सेल?q=é").orElseThrow().toString())
                .isEqualTo("https://shop.example/%E0%A4%B8%E0%A5%87%E0%A4%B2?q=%C3%A9");
    }
}
