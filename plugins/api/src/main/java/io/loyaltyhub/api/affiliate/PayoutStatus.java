package io.loyaltyhub.api.affiliate;

public enum PayoutStatus { REQUESTED, PAID, REJECTED }
