package io.loyaltyhub.api.loyalty;

public enum VoucherStatus { ISSUED, USED, CANCELLED, EXPIRED }
