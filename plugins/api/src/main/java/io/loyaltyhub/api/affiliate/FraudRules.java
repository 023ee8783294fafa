package io.loyaltyhub.api.affiliate;

import java.util.List;

/**
 * The {@link FraudRule} extensions of every started plugin, offered by the host as a service so the plugin that runs
 * fraud checks (affiliates) also runs rules other plugins contribute.
 */
@FunctionalInterface
public interface FraudRules {
    List<FraudRule> all();
}
