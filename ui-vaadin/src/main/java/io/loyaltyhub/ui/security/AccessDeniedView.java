package io.loyaltyhub.ui.security;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.ui.layout.MainLayout;

/** Shown instead of a view the actor's role does not grant (the address stays as it was). */
@Route(value = "access-denied", layout = MainLayout.class)
@PageTitle("Access denied | Loyalty admin")
public class AccessDeniedView extends VerticalLayout {

    public AccessDeniedView() {
        setId("access-denied");
        String role = CurrentActor.get().map(a -> a.role() == null ? a.label() : a.role().name()).orElse("?");
        add(new H2("Access denied"),
                new Paragraph("Your role (" + role + ") does not allow this page. Ask an admin if you need it."));
    }
}
