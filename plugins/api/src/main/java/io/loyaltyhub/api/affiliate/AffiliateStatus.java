package io.loyaltyhub.api.affiliate;

public enum AffiliateStatus { PENDING, APPROVED, SUSPENDED, REJECTED }
