package io.loyaltyhub.bots.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {
    private static final String SECRET = "3c8f0a1b2d4e6f708192a3b4c5d6e7f8";
    private static final byte[] BODY = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":\
            {"messaging_product":"whatsapp","metadata":{"display_phone_number":"919000012345",\
            "phone_number_id":"106540352242922"},"messages":[{"from":"919812345678","id":"wamid.X",\
            "timestamp":"1749416383","type":"text","text":{"body":"मेनू"}}]},"field":"messages"}]}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void matchesAnIndependentlyKnownHmacSha256() {
        // RFC-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        WebhookSignature s = new WebhookSignature("key");
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        String expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

        assertThat(s.header(body)).isEqualTo(expected);
        assertThat(s.verify(body, expected)).isTrue();
    }

    @Test
    void headerRoundTrips() {
        String header = signature.header(BODY);

        assertThat(header).startsWith("sha256=").hasSize("sha256=".length() + 64);
        assertThat(header.substring(7)).matches("[0-9a-f]{64}");
        assertThat(signature.verify(BODY, header)).isTrue();
    }

    @Test
    void wrongSecretIsRejected() {
        String header = new WebhookSignature(SECRET + "x").header(BODY);

        assertThat(signature.verify(BODY, header)).isFalse();
    }

    @Test
    void oneTamperedByteIsRejected() {
        String header = signature.header(BODY);
        for (int i : new int[]{0, BODY.length / 2, BODY.length - 1}) {
            byte[] tampered = BODY.clone();
            tampered[i] ^= 0x01;
            assertThat(signature.verify(tampered, header)).as("byte %d flipped", i).isFalse();
        }
        byte[] longer = java.util.Arrays.copyOf(BODY, BODY.length + 1);
        longer[BODY.length] = ' ';
        assertThat(signature.verify(longer, header)).as("one byte appended").isFalse();
    }

    @Test
    void missingOrEmptyHeaderIsRejected() {
        assertThat(signature.verify(BODY, null)).isFalse();
        assertThat(signature.verify(BODY, "")).isFalse();
        assertThat(signature.verify(BODY, "sha256=")).isFalse();
    }

    @Test
    void headerWithoutPrefixIsRejected() {
        String hex = signature.header(BODY).substring("sha256=".length());

        assertThat(signature.verify(BODY, hex)).isFalse();
        assertThat(signature.verify(BODY, "sha1=" + hex)).isFalse();
        assertThat(signature.verify(BODY, "sha256:" + hex)).isFalse();
    }

    @Test
    void badHexIsRejectedWithoutThrowing() {
        String hex = signature.header(BODY).substring("sha256=".length());

        assertThat(signature.verify(BODY, "sha256=" + hex.substring(1))).as("odd length").isFalse();
        assertThat(signature.verify(BODY, "sha256=" + hex.substring(2))).as("too short").isFalse();
        assertThat(signature.verify(BODY, "sha256=" + hex + "00")).as("too long").isFalse();
        assertThat(signature.verify(BODY, "sha256=zz" + hex.substring(2))).as("not hex").isFalse();
        assertThat(signature.verify(BODY, "sha256=" + "g".repeat(64))).as("not hex").isFalse();
    }

    @Test
    void upperCaseHexAndPrefixAreAccepted() {
        String hex = signature.header(BODY).substring("sha256=".length());

        assertThat(signature.verify(BODY, "sha256=" + hex.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(signature.verify(BODY, "SHA256=" + hex)).isTrue();
        assertThat(signature.verify(BODY, "sha256=" + hex + " ")).as("trailing space").isTrue();
    }

    @Test
    void emptyBodyIsSignedToo() {
        byte[] empty = new byte[0];

        assertThat(signature.verify(empty, signature.header(empty))).isTrue();
        assertThat(signature.verify(empty, signature.header(BODY))).isFalse();
    }

    @Test
    void anAppSecretIsRequired() {
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSignature(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
