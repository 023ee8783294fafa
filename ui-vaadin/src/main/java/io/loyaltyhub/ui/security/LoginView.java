package io.loyaltyhub.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.LoginResult;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.api.platform.StaffUser;

import java.time.Instant;
import java.time.ZoneId;

/** Username and password; on success the session is renewed and the actor stored in it. */
@Route("login")
@PageTitle("Loyalty admin")
@PublicView
public class LoginView extends VerticalLayout {

    private final transient StaffService staff;
    private final LoginForm form = new LoginForm();

    public LoginView(StaffService staff) {
        this.staff = staff;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(LoginMessages.BAD_CREDENTIALS_TITLE, LoginMessages.BAD_CREDENTIALS_MESSAGE));
        form.addLoginListener(this::login);

        add(new H1("Loyalty admin"), form);
    }

    private void login(LoginEvent event) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        String clientAddress = LoginMessages.clientAddress(request == null ? null : request.getRemoteAddr());
        LoginResult result = staff.login(event.getUsername(), event.getPassword(), clientAddress);
        switch (result) {
            case LoginResult.Success success -> loggedIn(success.user(), request);
            case LoginResult.BadCredentials ignored ->
                    showError(LoginMessages.BAD_CREDENTIALS_TITLE, LoginMessages.BAD_CREDENTIALS_MESSAGE);
            case LoginResult.Throttled throttled -> showError(LoginMessages.THROTTLED_TITLE,
                    LoginMessages.throttled(throttled.retryAfter(), Instant.now(), ZoneId.systemDefault()));
        }
    }

    private void loggedIn(StaffUser user, VaadinRequest request) {
        VaadinSession session = VaadinSession.getCurrent();
        Object afterLogin = session.getAttribute(AccessGuard.AFTER_LOGIN);
        // a fresh HTTP session id: an id planted before the login is worthless afterwards
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
        session.setAttribute(AccessGuard.AFTER_LOGIN, null);
        CurrentActor.set(session, Actor.staff(user.id(), user.username(), user.role()));
        String target = afterLogin instanceof String path && !path.startsWith("login") ? path : "";
        UI.getCurrent().navigate(target);
    }

    private void showError(String title, String message) {
        form.setI18n(i18n(title, message));
        form.setError(true);
        form.setEnabled(true);
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
