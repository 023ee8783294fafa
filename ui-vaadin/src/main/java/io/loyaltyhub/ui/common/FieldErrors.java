package io.loyaltyhub.ui.common;

import io.loyaltyhub.api.common.Rejected;

import com.vaadin.flow.component.HasValidation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a refusal's field errors ({@code Rejected.fieldErrors()}, keyed by the draft's
 * component names) onto the form's fields; errors for fields the form does not have are returned
 * so the form can show them in its message line.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** The field showing errors for {@code key} (a record component name, e.g. "pointsCost"). */
    public FieldErrors field(String key, HasValidation field) {
        fields.put(key, field);
        return this;
    }

    /** Clears what an earlier refusal marked. */
    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /**
     * Marks the fields (a key like {@code params.rounding} goes to the {@code params} field);
     * returns the errors no field took (empty when all were placed).
     */
    public Map<String, String> show(Map<String, String> errors) {
        clear();
        Map<String, String> rest = new LinkedHashMap<>();
        Map<HasValidation, StringBuilder> texts = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            HasValidation f = fields.get(key);
            String text = message;
            int dot = key.indexOf('.');
            if (f == null && dot > 0) {
                // "params.rounding": the params field, saying which part
                f = fields.get(key.substring(0, dot));
                text = key.substring(dot + 1) + ": " + message;
            }
            if (f == null) {
                rest.put(key, message);
            } else {
                StringBuilder sb = texts.computeIfAbsent(f, x -> new StringBuilder());
                sb.append(sb.isEmpty() ? "" : "; ").append(text);
            }
        });
        texts.forEach((f, text) -> {
            f.setErrorMessage(text.toString());
            f.setInvalid(true);
        });
        return rest;
    }
}
