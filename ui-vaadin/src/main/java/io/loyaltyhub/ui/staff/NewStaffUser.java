package io.loyaltyhub.ui.staff;

import io.loyaltyhub.api.platform.Role;

/** The values of the "new user" form. */
public class NewStaffUser {
    private String username = "";
    private String displayName = "";
    private Role role = Role.SUPPORT;
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
