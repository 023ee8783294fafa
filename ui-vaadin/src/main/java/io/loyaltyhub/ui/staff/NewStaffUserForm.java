package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.loyaltyhub.api.platform.Role;

/** Username, display name, role and first password of a new staff user. */
public class NewStaffUserForm extends StaffForm<NewStaffUser> {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Display name");
    final Select<Role> role = RoleSelect.create("new-staff-role");
    final PasswordField password = new PasswordField("Password");

    public NewStaffUserForm() {
        super(new Binder<>(NewStaffUser.class), NewStaffUser::new, "Create", "new-staff-form");
        username.setId("new-staff-username");
        displayName.setId("new-staff-display-name");
        password.setId("new-staff-password");
        binder.forField(username).asRequired("Enter a username")
                .bind(NewStaffUser::getUsername, NewStaffUser::setUsername);
        binder.forField(displayName).asRequired("Enter a display name")
                .bind(NewStaffUser::getDisplayName, NewStaffUser::setDisplayName);
        binder.forField(role).asRequired("Choose a role").bind(NewStaffUser::getRole, NewStaffUser::setRole);
        binder.forField(password).asRequired("Enter a password")
                .bind(NewStaffUser::getPassword, NewStaffUser::setPassword);
        binder.readBean(new NewStaffUser());
        add(username, displayName, role, password);
        addFooter();
    }
}
