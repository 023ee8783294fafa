package io.loyaltyhub.ui.rewards;

import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.ui.common.Times;

import java.time.LocalDate;

/** The values of the reward form; to and from the service's records. */
public class RewardBean {
    private Long id;
    private String name = "";
    private String description = "";
    private Integer pointsCost;
    private Integer stock;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String minTier;
    private Integer perCustomerLimit;
    private Integer voucherDays = 30;
    private boolean active = true;

    public static RewardBean of(Reward r) {
        RewardBean b = new RewardBean();
        b.id = r.id();
        b.name = r.name();
        b.description = r.description() == null ? "" : r.description();
        b.pointsCost = (int) Math.min(Integer.MAX_VALUE, r.pointsCost());
        b.stock = r.stock();
        b.validFrom = Times.date(r.validFrom());
        b.validTo = Times.date(r.validTo());
        b.minTier = r.minTier();
        b.perCustomerLimit = r.perCustomerLimit();
        b.voucherDays = r.voucherDays();
        b.active = r.active();
        return b;
    }

    /** The draft to save: blank texts are null; dates cover whole days in the server zone. */
    public RewardDraft toDraft() {
        return new RewardDraft(id, name == null ? null : name.trim(), blankToNull(description),
                pointsCost == null ? null : pointsCost.longValue(), stock, Times.startOfDay(validFrom),
                Times.endOfDay(validTo), blankToNull(minTier), perCustomerLimit, voucherDays, active);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getPointsCost() {
        return pointsCost;
    }

    public void setPointsCost(Integer pointsCost) {
        this.pointsCost = pointsCost;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
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

    public String getMinTier() {
        return minTier;
    }

    public void setMinTier(String minTier) {
        this.minTier = minTier;
    }

    public Integer getPerCustomerLimit() {
        return perCustomerLimit;
    }

    public void setPerCustomerLimit(Integer perCustomerLimit) {
        this.perCustomerLimit = perCustomerLimit;
    }

    public Integer getVoucherDays() {
        return voucherDays;
    }

    public void setVoucherDays(Integer voucherDays) {
        this.voucherDays = voucherDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
