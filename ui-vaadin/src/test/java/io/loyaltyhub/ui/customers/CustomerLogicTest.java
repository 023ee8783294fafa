package io.loyaltyhub.ui.customers;

import io.loyaltyhub.api.loyalty.LeaderboardEntry;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerLogicTest {

    @Test
    void barsAreRelativeToTheTop() {
        List<LeaderboardEntry> entries = List.of(new LeaderboardEntry(1, 1, "A", "+91*****678", 400),
                new LeaderboardEntry(2, 2, "B", "+91*****679", 100), new LeaderboardEntry(3, 3, "C", "x", 1));
        long max = LeaderboardBars.max(entries);
        assertThat(max).isEqualTo(400);
        assertThat(LeaderboardBars.widthPercent(400, max)).isEqualTo(100.0);
        assertThat(LeaderboardBars.widthPercent(100, max)).isEqualTo(25.0);
        assertThat(LeaderboardBars.widthPercent(1, max)).isEqualTo(1.0);
        assertThat(LeaderboardBars.widthPercent(0, max)).isZero();
        assertThat(LeaderboardBars.widthPercent(5, 0)).isZero();
        assertThat(LeaderboardBars.max(List.of())).isZero();
    }

    @Test
    void monthsNewestFirst() {
        assertThat(LeaderboardBars.months(YearMonth.of(2026, 2), 3))
                .containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 1), YearMonth.of(2025, 12));
    }

    @Test
    void customerIdFromTheAddress() {
        assertThat(CustomerDetailView.parseId("42")).hasValue(42);
        assertThat(CustomerDetailView.parseId(" 7 ")).hasValue(7);
        assertThat(CustomerDetailView.parseId("0")).isEmpty();
        assertThat(CustomerDetailView.parseId("abc")).isEmpty();
        assertThat(CustomerDetailView.parseId("")).isEmpty();
    }

    @Test
    void adjustFormKeepsItsKeyForTheSameValuesAndMakesANewOneOnReset() {
        AdjustPointsForm form = new AdjustPointsForm();
        List<AdjustPointsForm.AdjustEvent> fired = new ArrayList<>();
        form.addAdjustListener(fired::add);

        form.submit();
        assertThat(fired).as("points and reason are required").isEmpty();

        form.points.setValue(-30);
        form.reason.setValue("damaged coupon");
        form.submit();
        form.submit(); // a double click
        assertThat(fired).hasSize(2);
        assertThat(fired.get(0).points()).isEqualTo(-30);
        assertThat(fired.get(0).reason()).isEqualTo("damaged coupon");
        assertThat(fired.get(1).idempotencyKey()).isEqualTo(fired.get(0).idempotencyKey());

        form.showError("The customer does not have that many points.");
        assertThat(form.errorText()).isEqualTo("The customer does not have that many points.");
        assertThat(form.points.getValue()).isEqualTo(-30);

        form.points.setValue(-20);
        form.submit();
        assertThat(fired.get(2).idempotencyKey()).as("different values, different request")
                .isNotEqualTo(fired.get(0).idempotencyKey());

        String before = form.idempotencyKey();
        form.reset();
        assertThat(form.idempotencyKey()).isNotEqualTo(before);
        assertThat(form.points.getValue()).isNull();
        assertThat(form.errorText()).isEmpty();

        form.points.setValue(0);
        form.reason.setValue("x");
        form.submit();
        assertThat(fired).as("0 points is refused by the form").hasSize(3);
    }
}
