package io.loyaltyhub.bots.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretTest {
    private final WebhookSecret secret = new WebhookSecret("s3cr3t_Token-with-enough-entropy");

    @Test
    void onlyTheExactSecretMatches() {
        assertThat(secret.matches("s3cr3t_Token-with-enough-entropy")).isTrue();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches("s3cr3t_token-with-enough-entropy")).isFalse();
        assertThat(secret.matches("s3cr3t_Token-with-enough-entropy ")).isFalse();
        assertThat(secret.matches("s3cr3t_Token")).isFalse();
    }

    @Test
    void aSecretIsNeeded() {
        assertThatThrownBy(() -> new WebhookSecret("")).isInstanceOf(IllegalArgumentException.class);
    }
}
