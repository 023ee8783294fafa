package io.loyaltyhub.ui.security;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.RewardsService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginUnavailableViewTest {

    @Test
    void namesThePluginByTheServicesPackage() {
        assertThat(PluginUnavailableView.pluginName(LoyaltyService.class)).isEqualTo("loyalty");
        assertThat(PluginUnavailableView.pluginName(RewardsService.class)).isEqualTo("loyalty");
        assertThat(PluginUnavailableView.pluginName(Runnable.class)).isEqualTo("Runnable");
        assertThat(PluginUnavailableView.message("loyalty")).startsWith("The loyalty plugin is not running.");
    }
}
