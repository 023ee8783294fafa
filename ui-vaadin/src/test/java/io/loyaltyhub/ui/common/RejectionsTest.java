package io.loyaltyhub.ui.common;

import io.loyaltyhub.ui.loyalty.Formats;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.common.Rejected;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionsTest {

    @Test
    void theServiceMessageComesFirst() {
        Rejected e = Rejected.conflict("adjust-limit", "Support staff may adjust by at most 500 points; ask a manager.");
        assertThat(Rejections.message(e)).isEqualTo("Support staff may adjust by at most 500 points; ask a manager.");
    }

    @Test
    void knownCodesWithoutAMessageGetOurText() {
        assertThat(Rejections.message(Rejected.conflict("insufficient-points", "")))
                .isEqualTo("The customer does not have that many points.");
        assertThat(Rejections.message(Rejected.conflict("voucher-used", null)))
                .isEqualTo("This voucher was already used.");
        assertThat(Rejections.forCode("voucher-expired")).isEqualTo("This voucher has expired.");
        assertThat(Rejections.forCode("voucher-cancelled")).isEqualTo("This voucher was cancelled.");
        assertThat(Rejections.forCode("unknown-voucher")).startsWith("No voucher has this code");
        assertThat(Rejections.forCode("something-new")).isEqualTo("Refused (something-new).");
        assertThat(Rejections.forCode(null)).isEqualTo("Refused.");
    }

    @Test
    void fieldErrorsAreListedUnderTheMessage() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("pointsCost", "must be more than 0");
        errors.put("name", "required");
        Rejected e = Rejected.invalid("Check the reward.", errors);
        assertThat(Rejections.message(e)).isEqualTo("Check the reward.\nname: required\npointsCost: must be more than 0");
        assertThat(Rejections.message(e, Map.of())).isEqualTo("Check the reward.");
    }

    @Test
    void attemptPassesTheTextOnAndOtherErrorsThrough() {
        List<String> shown = new ArrayList<>();
        assertThat(Rejections.attempt(() -> {
        }, shown::add)).isTrue();
        assertThat(Rejections.attempt(() -> {
            throw Rejected.notFound("unknown-customer", "No customer 9.");
        }, shown::add)).isFalse();
        assertThat(shown).containsExactly("No customer 9.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rejections.attempt(() -> {
            throw new IllegalStateException("bug");
        }, shown::add)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fieldErrorsGoOntoTheirFieldsAndTheRestIsReturned() {
        TextField name = new TextField();
        TextArea params = new TextArea();
        FieldErrors fields = new FieldErrors().field("name", name).field("params", params);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("name", "required");
        errors.put("params.rounding", "FLOOR, HALF_UP or CEILING");
        errors.put("params.minimumBill", "a number");
        errors.put("validTo", "before valid from");
        Map<String, String> rest = fields.show(errors);
        assertThat(rest).containsExactly(Map.entry("validTo", "before valid from"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("required");
        assertThat(params.getErrorMessage()).isEqualTo("rounding: FLOOR, HALF_UP or CEILING; minimumBill: a number");
        fields.clear();
        assertThat(name.isInvalid()).isFalse();
        assertThat(params.isInvalid()).isFalse();
    }

    @Test
    void formats() {
        assertThat(Formats.signed(100)).isEqualTo("+100");
        assertThat(Formats.signed(-30)).isEqualTo("-30");
        assertThat(Formats.signed(0)).isEqualTo("0");
        assertThat(Formats.birthday(new io.loyaltyhub.api.loyalty.Birthday(3, 14, 2016))).isEqualTo("14 Mar 2016");
        assertThat(Formats.birthday(new io.loyaltyhub.api.loyalty.Birthday(12, 1, null))).isEqualTo("1 Dec");
        assertThat(Formats.number(new java.math.BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(Formats.number(new java.math.BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Formats.label(io.loyaltyhub.api.loyalty.CustomerStatus.OPTED_OUT)).isEqualTo("opted out");
    }
}
