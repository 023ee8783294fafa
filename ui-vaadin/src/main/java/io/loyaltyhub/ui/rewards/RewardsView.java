package io.loyaltyhub.ui.rewards;

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
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;

/** The rewards catalog, inactive rewards too; create and edit need {@code rewards:write}. */
@Route(value = "rewards", layout = MainLayout.class)
@PageTitle("Rewards | Loyalty admin")
@RequiredScope("rewards:read")
public class RewardsView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "rewards:write";

    private final transient RewardsService rewards;
    private final transient PluginServices plugins;
    private final Grid<Reward> grid = new Grid<>();
    private final Button create = new Button("New reward", VaadinIcon.PLUS.create());

    public RewardsView(RewardsService rewards, PluginServices plugins) {
        this.rewards = rewards;
        this.plugins = plugins;
        create.setId("reward-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(new RewardBean(), "New reward"));

        grid.setId("rewards-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Reward::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Reward::pointsCost).setHeader("Cost").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.stock() == null ? "unlimited" : String.valueOf(r.stock())).setHeader("Stock")
                .setAutoWidth(true);
        grid.addColumn(Reward::redeemed).setHeader("Redeemed").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.minTier() == null ? "" : r.minTier()).setHeader("Min tier").setAutoWidth(true);
        grid.addColumn(r -> Times.formatDate(r.validTo())).setHeader("Valid to").setAutoWidth(true);
        grid.addColumn(r -> r.active() ? "yes" : "no").setHeader("Active").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button edit = new Button("Edit", e -> open(RewardBean.of(r), "Edit " + r.name()));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("reward-edit");
            edit.setVisible(CurrentActor.may(WRITE_SCOPE));
            return edit;
        }).setHeader("").setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("Rewards"), new HorizontalLayout(create), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        create.setVisible(CurrentActor.may(WRITE_SCOPE));
        refresh();
    }

    private void refresh() {
        grid.setItems(rewards.catalog(true));
    }

    private List<String> tiers() {
        return plugins.find(LoyaltyService.class).map(l -> l.tiers().stream().map(TierInfo::code).toList())
                .orElse(List.of());
    }

    private void open(RewardBean bean, String title) {
        RewardForm form = new RewardForm(bean, tiers());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("40em");
        dialog.add(form);
        Button save = new Button("Save", e -> form.values().ifPresent(values -> {
            try {
                Reward saved = rewards.saveReward(CurrentActor.require(), values.toDraft());
                dialog.close();
                Notifications.success("Reward " + saved.name() + " saved");
                refresh();
            } catch (Rejected ex) {
                form.showRejection(ex);
            }
        }));
        save.setId("reward-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(CurrentActor.may(WRITE_SCOPE));
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("reward-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
