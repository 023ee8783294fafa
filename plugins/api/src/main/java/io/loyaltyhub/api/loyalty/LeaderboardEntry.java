package io.loyaltyhub.api.loyalty;

/** A customer's place by points earned in a month (reversals subtracted). */
public record LeaderboardEntry(int rank, long customerId, String name, String maskedMobile, long points) {
}
