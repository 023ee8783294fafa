package io.loyaltyhub.api.erp;

/** A field of a bill (or of its lines, a return, a customer) that a source column maps to. */
public enum BillField {
    BILL_NUMBER("Bill number", true),
    BILLED_AT("Bill date and time", true),
    CUSTOMER_MOBILE("Customer mobile", true),
    CUSTOMER_NAME("Customer name", false),
    AMOUNT("Bill amount", true),
    CURRENCY("Currency", false),
    STORE_ID("Store", false),
    COUPON_CODE("Coupon code", false),
    AFFILIATE_CODE("Affiliate or referral code", false),
    /** Tells a return or cancellation from a sale in sources that mix them (a CSV file's type column). */
    ROW_TYPE("Row type (sale or return)", false),
    LINE_SKU("Line: SKU", false),
    LINE_CATEGORY("Line: category", false),
    LINE_QUANTITY("Line: quantity", false),
    LINE_AMOUNT("Line: amount", false),
    /** On a return: the number of the bill it returns. */
    RETURN_BILL_NUMBER("Return: original bill number", false),
    RETURN_REASON("Return: reason", false),
    CUSTOMER_BIRTHDAY("Customer birthday", false);

    private final String label;
    private final boolean required;

    BillField(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    /** A bill cannot be posted without it. */
    public boolean required() {
        return required;
    }

    public boolean line() {
        return name().startsWith("LINE_");
    }
}
