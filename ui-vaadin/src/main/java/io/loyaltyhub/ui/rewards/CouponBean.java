package io.loyaltyhub.ui.rewards;

import io.loyaltyhub.api.loyalty.CouponBatchDraft;
import io.loyaltyhub.api.loyalty.CouponKind;
import io.loyaltyhub.ui.common.Times;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The values of the "new coupons" form. */
public class CouponBean {

    /** One given code, or generated ones with a prefix. */
    public enum Mode { SINGLE, BATCH }

    private String name = "";
    private Mode mode = Mode.SINGLE;
    private String code = "";
    private String prefix = "";
    private Integer count;
    private CouponKind kind = CouponKind.PERCENT;
    private BigDecimal value;
    private BigDecimal minBill;
    private Integer maxUses = 1;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String issuedTo = "";

    /** The draft: only the fields of the chosen mode; blank texts null; dates cover whole days. */
    public CouponBatchDraft toDraft() {
        boolean single = mode == Mode.SINGLE;
        return new CouponBatchDraft(trim(name), single ? trim(code) : null, single ? null : trim(prefix),
                single ? null : count, kind, value, minBill, maxUses, Times.startOfDay(validFrom),
                Times.endOfDay(validTo), trim(issuedTo));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public CouponKind getKind() {
        return kind;
    }

    public void setKind(CouponKind kind) {
        this.kind = kind;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public BigDecimal getMinBill() {
        return minBill;
    }

    public void setMinBill(BigDecimal minBill) {
        this.minBill = minBill;
    }

    public Integer getMaxUses() {
        return maxUses;
    }

    public void setMaxUses(Integer maxUses) {
        this.maxUses = maxUses;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public String getIssuedTo() {
        return issuedTo;
    }

    public void setIssuedTo(String issuedTo) {
        this.issuedTo = issuedTo;
    }
}
