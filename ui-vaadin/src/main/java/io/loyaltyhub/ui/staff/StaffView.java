package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.api.platform.StaffUser;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.function.Consumer;

/** Staff accounts: list, create, edit, reset password (changes need {@code staff:write}). */
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("Staff users | Loyalty admin")
@RequiredScope("staff:read")
public class StaffView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "staff:write";

    private final transient StaffService staff;
    private final Grid<StaffUser> grid = new Grid<>();
    private final Button create = new Button("New user", VaadinIcon.PLUS.create());

    public StaffView(StaffService staff) {
        this.staff = staff;
        create.setId("new-staff-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.setId("staff-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StaffUser::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffUser::displayName).setHeader("Display name").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.role().name().toLowerCase()).setHeader("Role").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled").setAutoWidth(true);
        grid.addColumn(u -> Times.format(u.lastLoginAt())).setHeader("Last login").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        HorizontalLayout toolbar = new HorizontalLayout(create);
        add(new H2("Staff users"), toolbar, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        create.setVisible(mayWrite());
        refresh();
    }

    private static boolean mayWrite() {
        return CurrentActor.may(WRITE_SCOPE);
    }

    private HorizontalLayout actions(StaffUser user) {
        Button edit = new Button("Edit", e -> openEdit(user));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClassName("edit-staff-user");
        Button reset = new Button("Reset password", e -> openReset(user));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        reset.addClassName("reset-staff-password");
        boolean write = mayWrite();
        edit.setVisible(write);
        reset.setVisible(write);
        return new HorizontalLayout(edit, reset);
    }

    private void refresh() {
        grid.setItems(staff.list());
    }

    private void openCreate() {
        NewStaffUserForm form = new NewStaffUserForm();
        open("New staff user", form, bean -> {
            staff.create(CurrentActor.require(), bean.getUsername().trim(), bean.getDisplayName().trim(),
                    bean.getRole(), bean.getPassword());
            Notifications.success("User " + bean.getUsername().trim() + " created");
        });
    }

    private void openEdit(StaffUser user) {
        StaffUserForm form = new StaffUserForm(user);
        open("Edit " + user.username(), form, bean -> {
            staff.update(CurrentActor.require(), user.id(), bean.getDisplayName().trim(), bean.getRole(),
                    bean.isEnabled());
            Notifications.success("User " + user.username() + " saved");
        });
    }

    private void openReset(StaffUser user) {
        PasswordResetForm form = new PasswordResetForm();
        open("Reset password of " + user.username(), form, bean -> {
            staff.resetPassword(CurrentActor.require(), user.id(), bean.getPassword());
            Notifications.success("Password of " + user.username() + " changed");
        });
    }

    /**
     * Shows {@code form} in a dialog; on submit runs {@code action}. An IllegalArgumentException
     * from the service goes onto the form and the dialog stays open.
     */
    private <B> void open(String title, StaffForm<B> form, Consumer<B> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(form);
        dialog.setWidth("28em");
        form.addCancelListener(e -> dialog.close());
        form.addSubmitListener(e -> {
            if (!mayWrite()) {
                form.showError("Your role may not change staff users.");
                return;
            }
            try {
                action.accept(e.bean());
                dialog.close();
                refresh();
            } catch (IllegalArgumentException ex) {
                form.showError(ex.getMessage());
            }
        });
        dialog.open();
    }
}
