package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.select.Select;
import io.loyaltyhub.api.platform.Role;

/** A select of the staff roles. */
final class RoleSelect {
    private RoleSelect() {
    }

    static Select<Role> create(String id) {
        Select<Role> role = new Select<>();
        role.setId(id);
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r.name().toLowerCase());
        return role;
    }
}
