package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.AppliedRule;
import io.loyaltyhub.api.loyalty.BillLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a bill earns under the active rules. Pure and exact (BigDecimal until the one rounding):
 * <pre>
 * eligible = amount + sum over lines of line.amount * (line multiplier - 1)   (SKU beats category)
 * points   = round(eligible * pointsPerUnit * tier multiplier * campaign multipliers)
 *            + campaign bonus points + bonus events (first purchase, birthday)
 * then the bill cap, then what is left of the daily cap.
 * </pre>
 * A bill below the minimum earns nothing.
 */
final class EarningEngine {
    private EarningEngine() {
    }

    /** What the engine needs to know about the bill and the customer. */
    record Input(BigDecimal amount, List<BillLine> lines, ZonedDateTime billedAt, String tierCode,
                 BigDecimal tierMultiplier, long earnedToday, boolean firstPurchase, boolean birthday) {
    }

    /** @param birthdayBonus whether a birthday bonus is part of the points (it is given once a year) */
    record Outcome(long points, List<AppliedRule> applied, boolean birthdayBonus) {
        Outcome(long points, List<AppliedRule> applied) {
            this(points, applied, false);
        }
    }

    static Outcome evaluate(List<RuleDef> rules, Input in) {
        List<AppliedRule> applied = new ArrayList<>();
        List<RuleDef> active = rules.stream().filter(r -> r.appliesAt(in.billedAt().toInstant())).toList();
        Optional<RuleDef> base = active.stream().filter(r -> r.type() == RuleDef.Type.BASE_RATE).findFirst();
        if (base.isEmpty()) {
            return new Outcome(0, List.of());
        }
        RuleDef rate = base.get();
        BigDecimal minimum = rate.decimal("minimumBill", BigDecimal.ZERO);
        if (in.amount().compareTo(minimum) < 0) {
            applied.add(new AppliedRule(rate.id(), rate.name(), "below the minimum bill of " + minimum.toPlainString()
                    + ": no points"));
            return new Outcome(0, applied);
        }
        BigDecimal perUnit = rate.decimal("pointsPerUnit", BigDecimal.ZERO);
        RoundingMode rounding = RoundingMode.valueOf(
                Optional.ofNullable(rate.text("rounding")).orElse("FLOOR").toUpperCase(Locale.ROOT));
        applied.add(new AppliedRule(rate.id(), rate.name(), perUnit.toPlainString() + " points per unit, "
                + rounding.name().toLowerCase(Locale.ROOT)));

        BigDecimal eligible = in.amount();
        for (BillLine line : in.lines() == null ? List.<BillLine>of() : in.lines()) {
            if (line.amount() == null || line.amount().signum() <= 0) {
                continue;
            }
            Optional<RuleDef> m = lineMultiplier(active, line);
            if (m.isPresent()) {
                BigDecimal factor = m.get().decimal("multiplier", BigDecimal.ONE);
                eligible = eligible.add(line.amount().multiply(factor.subtract(BigDecimal.ONE)));
                applied.add(new AppliedRule(m.get().id(), m.get().name(), "x" + factor.stripTrailingZeros().toPlainString()
                        + " on " + line.amount().toPlainString() + (line.sku() != null ? " (" + line.sku() + ")" : "")));
            }
        }
        BigDecimal factor = in.tierMultiplier() == null ? BigDecimal.ONE : in.tierMultiplier();
        if (factor.compareTo(BigDecimal.ONE) != 0) {
            applied.add(new AppliedRule(0, "Tier " + in.tierCode(), "x" + factor.stripTrailingZeros().toPlainString()));
        }
        long bonus = 0;
        boolean birthdayBonus = false;
        for (RuleDef c : active.stream().filter(r -> r.type() == RuleDef.Type.CAMPAIGN).toList()) {
            if (!inWindow(c, in.billedAt())) {
                continue;
            }
            BigDecimal m = c.decimal("multiplier", BigDecimal.ONE);
            long extra = c.number("bonusPoints", 0);
            factor = factor.multiply(m);
            bonus += extra;
            applied.add(new AppliedRule(c.id(), c.name(), (m.compareTo(BigDecimal.ONE) != 0
                    ? "x" + m.stripTrailingZeros().toPlainString() : "") + (extra > 0 ? " +" + extra + " points" : "")));
        }
        long points = eligible.multiply(perUnit).multiply(factor).setScale(0, rounding).longValueExact();
        for (RuleDef b : active.stream().filter(r -> r.type() == RuleDef.Type.BONUS).toList()) {
            String event = b.text("event");
            if (("FIRST_PURCHASE".equals(event) && in.firstPurchase()) || ("BIRTHDAY".equals(event) && in.birthday())) {
                long extra = b.number("points", 0);
                bonus += extra;
                birthdayBonus |= "BIRTHDAY".equals(event);
                applied.add(new AppliedRule(b.id(), b.name(), "+" + extra + " points"));
            }
        }
        points += bonus;
        for (RuleDef cap : active.stream().filter(r -> r.type() == RuleDef.Type.BILL_CAP).toList()) {
            long max = cap.number("maxPoints", Long.MAX_VALUE);
            if (points > max) {
                points = max;
                applied.add(new AppliedRule(cap.id(), cap.name(), "capped at " + max + " per bill"));
            }
        }
        for (RuleDef cap : active.stream().filter(r -> r.type() == RuleDef.Type.DAILY_CAP).toList()) {
            long left = Math.max(0, cap.number("maxPoints", Long.MAX_VALUE) - in.earnedToday());
            if (points > left) {
                points = left;
                applied.add(new AppliedRule(cap.id(), cap.name(), "capped at " + left + " left today"));
            }
        }
        return new Outcome(Math.max(0, points), applied, birthdayBonus);
    }

    private static Optional<RuleDef> lineMultiplier(List<RuleDef> active, BillLine line) {
        Optional<RuleDef> bySku = active.stream().filter(r -> r.type() == RuleDef.Type.SKU_MULTIPLIER
                && line.sku() != null && line.sku().equalsIgnoreCase(r.text("sku"))).findFirst();
        if (bySku.isPresent()) {
            return bySku;
        }
        return active.stream().filter(r -> r.type() == RuleDef.Type.CATEGORY_MULTIPLIER
                && line.category() != null && line.category().equalsIgnoreCase(r.text("category"))).findFirst();
    }

    private static boolean inWindow(RuleDef campaign, ZonedDateTime at) {
        Object days = campaign.params().get("daysOfWeek");
        if (days instanceof List<?> list && !list.isEmpty()) {
            String today = at.getDayOfWeek().name().substring(0, 3);
            if (list.stream().map(d -> d.toString().toUpperCase(Locale.ROOT)).noneMatch(d -> d.startsWith(today))) {
                return false;
            }
        }
        String from = campaign.text("fromTime");
        String to = campaign.text("toTime");
        LocalTime t = at.toLocalTime();
        return (from == null || !t.isBefore(LocalTime.parse(from))) && (to == null || t.isBefore(LocalTime.parse(to)));
    }
}
