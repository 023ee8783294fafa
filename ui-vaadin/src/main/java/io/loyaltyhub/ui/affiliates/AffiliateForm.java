package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.ui.common.Rejections;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.NewAffiliate;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.FieldErrors;

import java.util.Optional;

/**
 * Registering an affiliate from the admin UI: name, mobile (any common format), optional email,
 * payout details and the code of the affiliate who invited them. Passive: the view registers.
 */
public class AffiliateForm extends FormLayout {

    final TextField name = new TextField("Name");
    final TextField mobile = new TextField("Mobile");
    final EmailField email = new EmailField("Email (optional)");
    final TextField payoutDetails = new TextField("Payout details (e.g. UPI: name@bank)");
    final TextField invite = new TextField("Invited by (affiliate code, optional)");
    private final ErrorText error = new ErrorText("affiliate-form-error");
    private final FieldErrors fieldErrors = new FieldErrors();

    public AffiliateForm() {
        setId("affiliate-form");
        name.setId("affiliate-name");
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        mobile.setId("affiliate-mobile");
        mobile.setPlaceholder("+91 98123 45678");
        mobile.setRequiredIndicatorVisible(true);
        mobile.setMaxLength(32);
        email.setId("affiliate-email");
        email.setMaxLength(254);
        payoutDetails.setId("affiliate-payout-details");
        payoutDetails.setMaxLength(500);
        invite.setId("affiliate-invite");
        invite.setMaxLength(64);
        fieldErrors.field("name", name).field("mobile", mobile).field("email", email)
                .field("payoutDetails", payoutDetails).field("invite", invite);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        add(name, mobile, email, invite);
        add(payoutDetails, 2);
        add(error, 2);
    }

    /** The application if name and mobile are there (else empty, with the fields marked). */
    public Optional<NewAffiliate> application() {
        fieldErrors.clear();
        error.clear();
        boolean ok = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Enter the name");
            name.setInvalid(true);
            ok = false;
        }
        if (mobile.getValue().isBlank()) {
            mobile.setErrorMessage("Enter the mobile number");
            mobile.setInvalid(true);
            ok = false;
        }
        if (email.isInvalid() && !email.getValue().isBlank()) {
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new NewAffiliate(name.getValue().trim(), mobile.getValue().trim(), blankToNull(email.getValue()),
                null, blankToNull(payoutDetails.getValue()), blankToNull(invite.getValue())));
    }

    /** A refusal: field errors on their fields, the message (and the rest) below. */
    public void showRejection(Rejected e) {
        error.show(Rejections.message(e, fieldErrors.show(e.fieldErrors())));
    }

    public String errorText() {
        return error.message();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
