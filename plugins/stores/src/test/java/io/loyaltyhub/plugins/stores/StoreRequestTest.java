package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.common.Rejected;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StoreRequestTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void fillsDefaultsAndTrims() {
        StoreRequest r = new StoreRequest(" BLR-01 ", " Indiranagar ", " ", null, null).validated(false, IST, true);
        assertThat(r).isEqualTo(new StoreRequest("BLR-01", "Indiranagar", null, "Asia/Kolkata", true));
    }

    @Test
    void namesEveryBadField() {
        Rejected p = catchThrowableOfType(Rejected.class,
                () -> new StoreRequest("bad code!", "", null, "Mars/Olympus", true).validated(true, IST, true));
        assertThat(p.kind()).isEqualTo(Rejected.Kind.INVALID); // 422 over REST
        assertThat(p.fieldErrors()).containsOnlyKeys("code", "name", "city", "timeZone");
    }

    @Test
    void codeIsNotCheckedOnUpdate() {
        assertThat(new StoreRequest(null, "X", null, "UTC", false).validated(false, IST, false).active()).isFalse();
    }

    @Test
    void settingsRejectUnknownZone() {
        assertThat(StoreSettings.ZONE_ID.check("Asia/Kolkata")).isEmpty();
        assertThat(StoreSettings.ZONE_ID.check("Nowhere/City")).isPresent();
        var maxStores = StoreSettings.SCHEMA.find("max-stores").orElseThrow().validator();
        assertThat(maxStores.check("0")).contains("must be between 1 and 100000");
        assertThat(maxStores.check("500")).isEmpty();
    }
}
