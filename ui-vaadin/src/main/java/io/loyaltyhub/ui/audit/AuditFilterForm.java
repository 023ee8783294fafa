package io.loyaltyhub.ui.audit;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

/** Actor, entity type and a date range; fires a {@link SearchEvent}. */
public class AuditFilterForm extends HorizontalLayout {

    final TextField actor = new TextField("Actor");
    final TextField entityType = new TextField("Entity type");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    private final Button search = new Button("Search");
    private final Binder<AuditFilter> binder = new Binder<>(AuditFilter.class);

    public AuditFilterForm() {
        actor.setId("audit-actor");
        actor.setPlaceholder("e.g. staff:alice");
        actor.setClearButtonVisible(true);
        entityType.setId("audit-entity-type");
        entityType.setClearButtonVisible(true);
        from.setId("audit-from");
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setClearButtonVisible(true);
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(e -> search());

        binder.forField(actor).bind(AuditFilter::getActor, AuditFilter::setActor);
        binder.forField(entityType).bind(AuditFilter::getEntityType, AuditFilter::setEntityType);
        binder.forField(from).bind(AuditFilter::getFrom, AuditFilter::setFrom);
        binder.forField(to)
                .withValidator(day -> day == null || from.getValue() == null || !day.isBefore(from.getValue()),
                        "Must not be before \"From\"")
                .bind(AuditFilter::getTo, AuditFilter::setTo);
        binder.readBean(new AuditFilter());

        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        add(actor, entityType, from, to, search);
    }

    /** Fires a {@link SearchEvent} when the filter is valid. */
    public void search() {
        AuditFilter filter = new AuditFilter();
        if (binder.writeBeanIfValid(filter)) {
            fireEvent(new SearchEvent(this, filter));
        }
    }

    public Registration addSearchListener(ComponentEventListener<SearchEvent> listener) {
        return addListener(SearchEvent.class, listener);
    }

    public static class SearchEvent extends ComponentEvent<AuditFilterForm> {
        private final AuditFilter filter;

        public SearchEvent(AuditFilterForm source, AuditFilter filter) {
            super(source, false);
            this.filter = filter;
        }

        public AuditFilter filter() {
            return filter;
        }
    }
}
