package io.loyaltyhub.ui.staff;

/** The values of the "reset password" form. */
public class PasswordReset {
    private String password = "";
    private String repeat = "";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
