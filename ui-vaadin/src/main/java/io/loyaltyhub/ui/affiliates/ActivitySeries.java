package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An affiliate's clicks and conversions over time, for the chart. {@link AffiliateService} has no
 * per-day series, so this asks {@link AffiliateService#stats} once per bucket: one bucket per day
 * for up to {@link #MAX_CALLS} days, else {@link DateRange#buckets equal runs of days}, so never
 * more than {@link #MAX_CALLS} calls for any range.
 */
public final class ActivitySeries {

    /** The most stats calls one chart makes. */
    public static final int MAX_CALLS = 31;

    /** One bucket's figures. */
    public record Point(DateRange days, long clicks, long uniqueClicks, long conversions) {
    }

    private ActivitySeries() {
    }

    public static List<Point> of(AffiliateService service, long affiliateId, DateRange range, ZoneId zone) {
        List<Point> points = new ArrayList<>();
        for (DateRange bucket : range.buckets(MAX_CALLS)) {
            AffiliateStats s = service.stats(affiliateId, bucket.from(zone), bucket.to(zone));
            points.add(new Point(bucket, s.clicks(), s.uniqueClicks(), s.conversions()));
        }
        return points;
    }

    /** "per day", or "per 3 days" when the range was cut into longer buckets. */
    public static String resolution(List<Point> points) {
        long days = points.isEmpty() ? 1 : points.getFirst().days().days();
        return days == 1 ? "per day" : "per " + days + " days";
    }
}
