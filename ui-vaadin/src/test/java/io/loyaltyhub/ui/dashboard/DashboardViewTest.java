package io.loyaltyhub.ui.dashboard;

import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.platform.PluginState;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewTest {

    static PluginInfo plugin(String id, PluginState state) {
        return new PluginInfo(id, "1", "", state, null, SettingsSchema.EMPTY, Map.of());
    }

    @Test
    void countsEveryState() {
        assertThat(DashboardView.countByState(List.of(plugin("a", PluginState.STARTED),
                plugin("b", PluginState.STARTED), plugin("c", PluginState.FAILED))))
                .containsExactly(Map.entry(PluginState.STARTED, 2L), Map.entry(PluginState.FAILED, 1L),
                        Map.entry(PluginState.DISABLED, 0L));
    }
}
