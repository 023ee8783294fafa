package io.loyaltyhub.ui.staff;

import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaffFormsTest {

    @Test
    void newUserFormFiresFilledBeanAndKeepsValuesOnServiceError() {
        NewStaffUserForm form = new NewStaffUserForm();
        List<NewStaffUser> submitted = new ArrayList<>();
        form.addSubmitListener(e -> submitted.add(e.bean()));

        form.submit();
        assertThat(submitted).as("required fields empty").isEmpty();

        form.username.setValue("bob");
        form.displayName.setValue("Bob");
        form.role.setValue(Role.MANAGER);
        form.password.setValue("secret-123");
        form.submit();
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).getUsername()).isEqualTo("bob");
        assertThat(submitted.get(0).getRole()).isEqualTo(Role.MANAGER);
        assertThat(submitted.get(0).getPassword()).isEqualTo("secret-123");

        form.showError("Username already taken");
        assertThat(form.errorText()).isEqualTo("Username already taken");
        assertThat(form.username.getValue()).isEqualTo("bob");
    }

    @Test
    void editFormStartsWithTheUser() {
        StaffUser user = new StaffUser(7, "sue", "Sue", Role.SUPPORT, false, Instant.EPOCH, null);
        StaffUserForm form = new StaffUserForm(user);
        assertThat(form.displayName.getValue()).isEqualTo("Sue");
        assertThat(form.role.getValue()).isEqualTo(Role.SUPPORT);
        assertThat(form.enabled.getValue()).isFalse();

        List<StaffUserChanges> submitted = new ArrayList<>();
        form.addSubmitListener(e -> submitted.add(e.bean()));
        form.enabled.setValue(true);
        form.submit();
        assertThat(submitted).singleElement().satisfies(c -> {
            assertThat(c.isEnabled()).isTrue();
            assertThat(c.getDisplayName()).isEqualTo("Sue");
        });
    }

    @Test
    void passwordResetNeedsTheSamePasswordTwice() {
        PasswordResetForm form = new PasswordResetForm();
        List<PasswordReset> submitted = new ArrayList<>();
        form.addSubmitListener(e -> submitted.add(e.bean()));

        form.password.setValue("one-password");
        form.repeat.setValue("another");
        form.submit();
        assertThat(submitted).isEmpty();

        form.repeat.setValue("one-password");
        form.submit();
        assertThat(submitted).singleElement().extracting(PasswordReset::getPassword).isEqualTo("one-password");
    }
}
