package io.loyaltyhub.bots.whatsapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SendOutcomeTest {

    private static GraphApiClient.Result error(int httpStatus, String code) {
        return new GraphApiClient.Result(null, httpStatus, code, "title");
    }

    @Test
    void acceptedIsSent() {
        assertThat(SendOutcome.of(new GraphApiClient.Result("wamid.HBgM", 200, null, null)))
                .isEqualTo(SendOutcome.SENT);
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // outside the 24-hour window: only a template may go out
            "400, 131047, OUTSIDE_WINDOW",
            // too many messages to one user
            "400, 131056, PAIR_RATE",
            // throughput / rate limits
            "400, 130429, THROTTLED",
            "400, 80007, THROTTLED",
            "400, 4, THROTTLED",
            "400, 613, THROTTLED",
            "429, null, THROTTLED",
            // the token
            "401, 190, AUTH",
            "400, 190, AUTH",
            "401, null, AUTH",
            "403, null, AUTH",
            // Meta's side: try again
            "500, null, RETRY",
            "503, null, RETRY",
            "502, 1, RETRY",
            "500, 2, RETRY",
            "500, 131000, RETRY",
            "503, 131016, RETRY",
            "503, 133004, RETRY",
            "0, timeout, RETRY",
            "0, io, RETRY",
            "0, null, RETRY",
            // cannot be sent
            "400, 131026, PERMANENT",
            "400, 100, PERMANENT",
            "400, 131009, PERMANENT",
            "400, 132001, PERMANENT",
            "400, null, PERMANENT",
            "200, no-id, PERMANENT",
    })
    void byCodeAndStatus(int httpStatus, String code, SendOutcome expected) {
        assertThat(SendOutcome.of(error(httpStatus, code))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "webhook status code {0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "131047, OUTSIDE_WINDOW",
            "131056, PAIR_RATE",
            "130429, THROTTLED",
            "131000, RETRY",
            "190, AUTH",
            "131026, PERMANENT",
            "131049, HELD_BACK",
            "131050, MARKETING_STOPPED",
            "null, PERMANENT",
    })
    void webhookStatusCodes(String code, SendOutcome expected) {
        assertThat(SendOutcome.ofCode(code)).isEqualTo(expected);
    }
}
