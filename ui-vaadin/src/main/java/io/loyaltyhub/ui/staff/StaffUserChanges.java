package io.loyaltyhub.ui.staff;

import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffUser;

/** The values of the "edit user" form. */
public class StaffUserChanges {
    private String displayName = "";
    private Role role = Role.SUPPORT;
    private boolean enabled = true;

    public static StaffUserChanges of(StaffUser user) {
        StaffUserChanges changes = new StaffUserChanges();
        changes.setDisplayName(user.displayName() == null ? "" : user.displayName());
        changes.setRole(user.role());
        changes.setEnabled(user.enabled());
        return changes;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
