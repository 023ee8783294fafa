package io.loyaltyhub.ui.customers;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;

/** Finds customers by mobile (any format), name or tier; a row opens the customer. */
@Route(value = "customers", layout = MainLayout.class)
@PageTitle("Customers | Loyalty admin")
@RequiredScope("customers:read")
public class CustomersView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 100;

    private final transient LoyaltyService loyalty;
    private final TextField search = new TextField();
    private final ComboBox<String> tier = new ComboBox<>();
    private final Grid<Customer> grid = new Grid<>();
    private final ErrorText error = new ErrorText("customers-error");

    public CustomersView(LoyaltyService loyalty) {
        this.loyalty = loyalty;
        setSizeFull();

        search.setId("customer-search");
        search.setPlaceholder("Mobile (any format) or name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("22em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.addKeyPressListener(Key.ENTER, e -> refresh());

        tier.setId("customer-tier");
        tier.setPlaceholder("Any tier");
        tier.setClearButtonVisible(true);
        tier.addValueChangeListener(e -> refresh());

        Button go = new Button("Search", e -> refresh());
        go.setId("customer-search-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("customers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Customer::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Customer::mobile).setHeader("Mobile").setAutoWidth(true);
        grid.addColumn(Customer::tier).setHeader("Tier").setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> Formats.label(c.status())).setHeader("Status").setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> Times.format(c.joinedAt())).setHeader("Joined").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));

        HorizontalLayout toolbar = new HorizontalLayout(search, tier, go);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Customers"), toolbar, error, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tier.setItems(loyalty.tiers().stream().map(TierInfo::code).toList());
        refresh();
    }

    private void refresh() {
        error.clear();
        List<Customer> found = List.of();
        try {
            found = loyalty.search(search.getValue(), tier.getValue(), LIMIT);
        } catch (Rejected e) {
            error.show(Rejections.message(e));
        }
        grid.setItems(found);
    }

    private void open(Customer customer) {
        getUI().ifPresent(ui -> ui.navigate(CustomerDetailView.class,
                new RouteParameters(CustomerDetailView.ID, String.valueOf(customer.id()))));
    }
}
