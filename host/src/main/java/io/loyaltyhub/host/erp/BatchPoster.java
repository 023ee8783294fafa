package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.SourceRow;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillOutcome;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.platform.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts a batch of mapped rows through the loyalty service, the way REST does (same checks, idempotent by bill
 * number), and says what became of each: posted, already there, or rejected with the reason.
 */
final class BatchPoster {
    /** Bills older than this when read are history: posted, but nobody is messaged about them. */
    static final Duration HISTORY = Duration.ofDays(2);
    /** Transactions posting one batch at once: different customers do not wait for each other's row locks. */
    static final int PARALLEL = 4;

    /** A row that could not be posted, with the reason (for the rejects queue). */
    record Refusal(SourceRow row, String billNumber, String reason) {
    }

    /** What a batch came to. */
    /**
     * @param settled bill numbers now posted or found posted (and returns applied): an open reject of the same
     *                number, e.g. a row fixed in the ERP and read again, is resolved by them
     */
    record Result(ConnectorStore.Counts counts, List<Refusal> refusals, Instant newestBill, List<String> settled) {
    }

    private final LoyaltyService loyalty;
    private final Actor actor;

    BatchPoster(LoyaltyService loyalty, Actor actor) {
        this.loyalty = loyalty;
        this.actor = actor;
    }

    /**
     * @param backfill every bill counts as history
     */
    Result post(List<MappedRow> rows, boolean backfill, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        List<MappedRow.ToPost> recent = new ArrayList<>();
        List<MappedRow.ToPost> past = new ArrayList<>();
        long reversals = 0;
        long customers = 0;
        Instant newest = null;
        for (MappedRow r : rows) {
            if (r instanceof MappedRow.ToPost p) {
                Instant billed = p.bill().billedAt().toInstant();
                newest = newest == null || billed.isAfter(newest) ? billed : newest;
                (backfill || billed.isBefore(now.minus(HISTORY)) ? past : recent).add(p);
            }
        }
        long[] posted = {0};
        long[] duplicates = {0};
        List<String> settled = new ArrayList<>();
        postAll(past, true, posted, duplicates, refusals, settled);
        postAll(recent, false, posted, duplicates, refusals, settled);
        // reversals and customers after the bills of the same batch: a return read with its bill finds it
        for (MappedRow r : rows) {
            switch (r) {
                case MappedRow.Unmapped u -> refusals.add(new Refusal(u.row(), u.billNumber(), u.reason()));
                case MappedRow.Reversal rev -> {
                    try {
                        loyalty.reverseBill(actor, rev.billNumber(), rev.reason());
                        reversals++;
                        settled.add(rev.billNumber());
                    } catch (Rejected e) {
                        refusals.add(new Refusal(rev.row(), rev.billNumber(), reason(e)));
                    }
                }
                case MappedRow.CustomerRecord c -> {
                    try {
                        if (loyalty.syncCustomer(actor, new NewCustomer(c.mobile(), c.name(), c.birthday(), null,
                                "erp")).isPresent()) {
                            customers++;
                        }
                    } catch (Rejected e) {
                        refusals.add(new Refusal(c.row(), null, reason(e)));
                    }
                }
                case MappedRow.ToPost p -> {
                }
            }
        }
        return new Result(new ConnectorStore.Counts(rows.size(), posted[0], duplicates[0], refusals.size(), reversals,
                customers), refusals, newest, settled);
    }

    /**
     * Posts the bills in {@link #PARALLEL} transactions at once, each customer's bills in one of them and in their
     * order (so visits, tiers and daily caps see them as the ERP wrote them); outcomes in the bills' order.
     */
    private List<BillOutcome> postInParallel(List<Bill> bills, boolean historical) {
        if (bills.size() < 2 * PARALLEL) {
            return loyalty.postBills(actor, bills, historical);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < PARALLEL; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < bills.size(); i++) {
            groups.get(Math.floorMod(customerKey(bills.get(i).customerMobile()).hashCode(), PARALLEL)).add(i);
        }
        BillOutcome[] out = new BillOutcome[bills.size()];
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (List<Integer> group : groups) {
                if (group.isEmpty()) {
                    continue;
                }
                running.add(pool.submit(() -> {
                    List<BillOutcome> done = loyalty.postBills(actor, group.stream().map(bills::get).toList(),
                            historical);
                    for (int k = 0; k < group.size(); k++) {
                        out[group.get(k)] = done.get(k);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while posting bills", e);
                }
            }
        }
        return List.of(out);
    }

    /** The same customer whichever way the ERP wrote the number: its last ten digits. */
    static String customerKey(String mobile) {
        if (mobile == null) {
            return "";
        }
        String digits = mobile.replaceAll("\\D", "");
        return digits.length() <= 10 ? digits : digits.substring(digits.length() - 10);
    }

    /** A refusal in words, with what is wrong per field when it says. */
    static String reason(Rejected r) {
        if (r.fieldErrors().isEmpty()) {
            return r.getMessage();
        }
        StringBuilder b = new StringBuilder(r.getMessage());
        r.fieldErrors().forEach((field, problem) -> b.append(' ').append(field).append(": ").append(problem).append(';'));
        return b.substring(0, b.length() - 1);
    }

    private void postAll(List<MappedRow.ToPost> rows, boolean historical, long[] posted, long[] duplicates,
                         List<Refusal> refusals, List<String> settled) {
        if (rows.isEmpty()) {
            return;
        }
        List<BillOutcome> outcomes = postInParallel(rows.stream().map(MappedRow.ToPost::bill).toList(), historical);
        for (int i = 0; i < outcomes.size(); i++) {
            BillOutcome o = outcomes.get(i);
            if (o.refused()) {
                refusals.add(new Refusal(rows.get(i).row(), o.billNumber(), o.reason()));
            } else if (o.duplicate()) {
                duplicates[0]++;
                settled.add(o.billNumber());
            } else {
                posted[0]++;
                settled.add(o.billNumber());
            }
        }
    }
}
