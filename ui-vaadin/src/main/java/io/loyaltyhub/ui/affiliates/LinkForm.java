package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.ui.common.Rejections;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.NewLink;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.FieldErrors;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A new referral link: campaign name and target URL (UTM parameters are the service's defaults).
 * The service's field errors ({@code campaign}, {@code targetUrl}, UTM fields) go onto the fields
 * or, for fields the form does not have, under it.
 */
public class LinkForm extends VerticalLayout {

    final TextField campaign = new TextField("Campaign");
    final TextField targetUrl = new TextField("Target URL");
    final Button create = new Button("Create link");
    private final ErrorText error = new ErrorText("link-error");
    private final FieldErrors fieldErrors = new FieldErrors();

    public LinkForm(Consumer<NewLink> onCreate) {
        setId("link-form");
        setPadding(false);
        campaign.setId("link-campaign");
        campaign.setMaxLength(100);
        campaign.setPlaceholder("e.g. diwali-instagram");
        targetUrl.setId("link-target");
        targetUrl.setPlaceholder("https://shop.example.com/offer");
        targetUrl.setWidth("24em");
        targetUrl.setMaxLength(2000);
        create.setId("link-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> values().ifPresent(onCreate));
        fieldErrors.field("campaign", campaign).field("targetUrl", targetUrl);
        HorizontalLayout row = new HorizontalLayout(campaign, targetUrl, create);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, error);
    }

    /** The link if both fields are filled in (else empty, fields marked). */
    public Optional<NewLink> values() {
        fieldErrors.clear();
        error.clear();
        boolean ok = true;
        if (campaign.getValue().isBlank()) {
            campaign.setErrorMessage("Name the campaign");
            campaign.setInvalid(true);
            ok = false;
        }
        if (targetUrl.getValue().isBlank()) {
            targetUrl.setErrorMessage("Enter where the link goes");
            targetUrl.setInvalid(true);
            ok = false;
        }
        return ok ? Optional.of(new NewLink(campaign.getValue().trim(), targetUrl.getValue().trim(), null, null, null))
                : Optional.empty();
    }

    public void showRejection(Rejected e) {
        error.show(Rejections.message(e, fieldErrors.show(e.fieldErrors())));
    }

    public void showError(String message) {
        error.show(message);
    }

    public void reset() {
        campaign.clear();
        targetUrl.clear();
        fieldErrors.clear();
        error.clear();
    }

    public String errorText() {
        return error.message();
    }
}
