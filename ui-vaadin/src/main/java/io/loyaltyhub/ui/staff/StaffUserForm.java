package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffUser;

/** Display name, role and enabled flag of an existing staff user. */
public class StaffUserForm extends StaffForm<StaffUserChanges> {

    final TextField displayName = new TextField("Display name");
    final Select<Role> role = RoleSelect.create("edit-staff-role");
    final Checkbox enabled = new Checkbox("Enabled (may log in)");

    public StaffUserForm(StaffUser user) {
        super(new Binder<>(StaffUserChanges.class), StaffUserChanges::new, "Save", "edit-staff-form");
        displayName.setId("edit-staff-display-name");
        enabled.setId("edit-staff-enabled");
        binder.forField(displayName).asRequired("Enter a display name")
                .bind(StaffUserChanges::getDisplayName, StaffUserChanges::setDisplayName);
        binder.forField(role).asRequired("Choose a role")
                .bind(StaffUserChanges::getRole, StaffUserChanges::setRole);
        binder.forField(enabled).bind(StaffUserChanges::isEnabled, StaffUserChanges::setEnabled);
        binder.readBean(StaffUserChanges.of(user));
        add(displayName, role, enabled);
        addFooter();
    }
}
