package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.http.ApiProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * What a request body must be before it is read as JSON: well-formed UTF-8 (no overlong forms, no lone
 * surrogates: Java's decoder refuses them, Jackson's own does not check all), and no control characters
 * in any name or string (a NUL or an escape character stored in a name ends up in receipts, chats and CSVs).
 * Tab, line feed and carriage return are text.
 */
final class StrictJson {
    private StrictJson() {
    }

    static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("malformed-utf8", "The body is not well-formed UTF-8.");
        }
    }

    static void refuseControlCharacters(JsonNode node) {
        if (node.isTextual()) {
            check(node.textValue(), "a value");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                check(e.getKey(), "a field name");
                refuseControlCharacters(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                refuseControlCharacters(item);
            }
        }
    }

    private static void check(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw ApiProblem.badRequest("control-character", "The body has a control character (U+"
                        + String.format("%04X", (int) c) + ") in " + where + "; send plain text.");
            }
        }
    }
}
