package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.erp.ErpConnector;
import io.loyaltyhub.host.plugins.SettingsValidation;

import java.util.Map;

/** An instance's settings completed with its type's defaults. */
final class SettingsOf {
    private SettingsOf() {
    }

    static Map<String, String> effective(ErpConnector type, Map<String, String> stored) {
        return SettingsValidation.effective(type.settings(), stored);
    }
}
