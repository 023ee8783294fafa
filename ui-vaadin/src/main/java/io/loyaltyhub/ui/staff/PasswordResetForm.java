package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;

/** A new password, typed twice. The service decides whether it is strong enough. */
public class PasswordResetForm extends StaffForm<PasswordReset> {

    final PasswordField password = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");

    public PasswordResetForm() {
        super(new Binder<>(PasswordReset.class), PasswordReset::new, "Set password", "reset-password-form");
        password.setId("reset-password");
        repeat.setId("reset-password-repeat");
        binder.forField(password).asRequired("Enter the new password")
                .bind(PasswordReset::getPassword, PasswordReset::setPassword);
        binder.forField(repeat).asRequired("Repeat the new password")
                .withValidator(text -> text.equals(password.getValue()), "The passwords differ")
                .bind(PasswordReset::getRepeat, PasswordReset::setRepeat);
        binder.readBean(new PasswordReset());
        add(password, repeat);
        addFooter();
    }
}
