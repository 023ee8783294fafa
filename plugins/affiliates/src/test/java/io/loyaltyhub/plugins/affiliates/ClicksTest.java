package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClicksTest {
    private static final UserAgents.Device PHONE = new UserAgents.Device("phone", "iOS 17", "Safari 17", false);
    private static final UserAgents.Device BOT = new UserAgents.Device("bot", null, "Googlebot 2", true);
    private static final Clicks.Link LINK = new Clicks.Link(1, 2, "AB3CD4E", true, "https://shop.example/", "a", "b", "c");

    private static Clicks.Visit visit(boolean head, UserAgents.Device device) {
        return new Clicks.Visit("k", "CODE1234", head, Instant.parse("2026-11-21T10:15:00Z"), "v", false, null, null,
                device, null, GeoIp.Place.UNKNOWN);
    }

    @Test
    void uniqueClicksAreBucketedByClockHour() {
        long bucket = Clicks.hourBucket(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(Clicks.hourBucket(Instant.parse("2026-11-21T10:59:59.999Z"))).isEqualTo(bucket);
        assertThat(Clicks.hourBucket(Instant.parse("2026-11-21T11:00:00Z"))).isEqualTo(bucket + 1);
        assertThat(Clicks.hourBucket(Instant.parse("2026-11-21T09:59:59Z"))).isEqualTo(bucket - 1);
        assertThat(Clicks.hourBucket(Instant.parse("1969-12-31T23:30:00Z"))).isEqualTo(-1);
    }

    @Test
    void onlyGetsOfApprovedAffiliatesLinksByPeopleCount() {
        assertThat(Clicks.counts(visit(false, PHONE), LINK)).isTrue();
        assertThat(Clicks.counts(visit(true, PHONE), LINK)).isFalse();
        assertThat(Clicks.counts(visit(false, BOT), LINK)).isFalse();
        assertThat(Clicks.counts(visit(false, PHONE), null)).isFalse();
        Clicks.Link suspended = new Clicks.Link(1, 2, "AB3CD4E", false, "https://shop.example/", "a", "b", "c");
        assertThat(Clicks.counts(visit(false, PHONE), suspended)).isFalse();
    }

    @Test
    void codesAndVisitorCookies() {
        assertThat(RedirectEndpoint.code(" ab3cd4ef ")).isEqualTo("AB3CD4EF");
        assertThat(RedirectEndpoint.code("x".repeat(100))).hasSize(64);
        assertThat(Clicks.isLinkCode("AB3CD4EF")).isTrue();
        assertThat(Clicks.isLinkCode("AB3CD4EF'--")).isFalse();
        String id = Codes.opaqueId();
        assertThat(RedirectEndpoint.visitorCookie("a=b; lh_vid=" + id + "; c=d")).contains(id);
        assertThat(RedirectEndpoint.visitorCookie("lh_vid=short")).isEmpty();
        assertThat(RedirectEndpoint.visitorCookie("lh_vid=" + id + "x")).isEmpty();
        assertThat(RedirectEndpoint.visitorCookie(null)).isEmpty();
    }

    @Test
    void visitKeysAreUniqueAndSortByTime() {
        String a = Codes.visitKey(1_763_700_000_000L);
        String b = Codes.visitKey(1_763_700_000_001L);
        assertThat(a).hasSize(22).matches("[0-9a-f]{11}[A-Za-z0-9_-]{11}");
        assertThat(a.compareTo(b)).isNegative();
        assertThat(Codes.visitKey(1_763_700_000_000L)).isNotEqualTo(a).startsWith(a.substring(0, 11));
    }

    @Test
    void locationIsTheTargetWithTrackingOrTheFallback() {
        AffiliatesConfig config = new AffiliatesConfig("http://localhost:8080", "https://shop.example/sorry", java.util.List.of(),
                false, "", 90, false, "INR", "IN");
        assertThat(RedirectEndpoint.location(null, config)).isEqualTo("https://shop.example/sorry");
        assertThat(RedirectEndpoint.location(LINK, config))
                .isEqualTo("https://shop.example/?utm_source=a&utm_medium=b&utm_campaign=c&ref=AB3CD4E");
    }
}
