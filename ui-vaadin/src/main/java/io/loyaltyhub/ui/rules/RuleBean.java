package io.loyaltyhub.ui.rules;

import io.loyaltyhub.api.loyalty.EarningRule;
import io.loyaltyhub.ui.common.Json;
import io.loyaltyhub.ui.common.Times;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The values of the rule form; params as JSON text. */
public class RuleBean {

    /** The rule types and a params example for each (from the EarningRule contract). */
    static final Map<String, String> TEMPLATES = Map.of(
            "BASE_RATE", "{\"pointsPerUnit\": 1, \"rounding\": \"FLOOR\", \"minimumBill\": 0}",
            "CATEGORY_MULTIPLIER", "{\"category\": \"\", \"multiplier\": 2}",
            "SKU_MULTIPLIER", "{\"sku\": \"\", \"multiplier\": 2}",
            "CAMPAIGN", "{\"multiplier\": 2, \"bonusPoints\": 0, \"daysOfWeek\": [\"SAT\", \"SUN\"], "
                    + "\"fromTime\": \"10:00\", \"toTime\": \"14:00\"}",
            "BILL_CAP", "{\"maxPoints\": 500}",
            "DAILY_CAP", "{\"maxPoints\": 1000}",
            "BONUS", "{\"event\": \"BIRTHDAY\", \"points\": 100}");
    static final List<String> TYPES = List.of("BASE_RATE", "CATEGORY_MULTIPLIER", "SKU_MULTIPLIER", "CAMPAIGN",
            "BILL_CAP", "DAILY_CAP", "BONUS");

    private Long id;
    private String name = "";
    private String type;
    private boolean active = true;
    private String params = "";
    private LocalDate validFrom;
    private LocalDate validTo;

    public static RuleBean of(EarningRule r) {
        RuleBean b = new RuleBean();
        b.id = r.id();
        b.name = r.name();
        b.type = r.type();
        b.active = r.active();
        b.params = Json.pretty(Json.write(r.params() == null ? Map.of() : r.params()));
        b.validFrom = Times.date(r.validFrom());
        b.validTo = Times.date(r.validTo());
        return b;
    }

    /**
     * The rule to save.
     *
     * @throws IllegalArgumentException when the params are not a JSON object
     */
    public EarningRule toRule() {
        return new EarningRule(id, name == null ? null : name.trim(), type, active, Json.parseObject(params),
                Times.startOfDay(validFrom), Times.endOfDay(validTo));
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getParams() {
        return params;
    }

    public void setParams(String params) {
        this.params = params;
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
}
