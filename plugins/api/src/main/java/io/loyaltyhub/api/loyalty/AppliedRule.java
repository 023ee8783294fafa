package io.loyaltyhub.api.loyalty;

/** An earning rule that changed a bill's points, and how. */
public record AppliedRule(long ruleId, String name, String effect) {
}
