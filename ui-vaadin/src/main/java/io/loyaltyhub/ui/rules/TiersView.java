package io.loyaltyhub.ui.rules;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.Comparator;

/** The tiers, lowest first. */
@Route(value = "tiers", layout = MainLayout.class)
@PageTitle("Tiers | Loyalty admin")
@RequiredScope("tiers:read")
public class TiersView extends VerticalLayout implements BeforeEnterObserver {

    private final transient LoyaltyService loyalty;
    private final Grid<TierInfo> grid = new Grid<>();

    public TiersView(LoyaltyService loyalty) {
        this.loyalty = loyalty;
        grid.setId("tiers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TierInfo::rank).setHeader("Rank").setAutoWidth(true);
        grid.addColumn(TierInfo::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(TierInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(TierInfo::threshold).setHeader("Points to reach").setAutoWidth(true);
        grid.addColumn(t -> "x" + Formats.number(t.multiplier())).setHeader("Multiplier").setAutoWidth(true);
        grid.addColumn(TierInfo::benefits).setHeader("Benefits").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        add(new H2("Tiers"), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        grid.setItems(loyalty.tiers().stream().sorted(Comparator.comparingInt(TierInfo::rank)).toList());
    }
}
