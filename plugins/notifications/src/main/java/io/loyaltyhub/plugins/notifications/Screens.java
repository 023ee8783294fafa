package io.loyaltyhub.plugins.notifications;

import com.vaadin.flow.component.Component;
import io.loyaltyhub.admin.AdminScreen;
import org.pf4j.Extension;

/** The Notifications area this plugin brings to the admin UI: overview, templates, delivery log, WhatsApp templates. */
final class Screens {
    private Screens() {
    }

    /** Counts per trigger with a chart, and the trigger switches. */
    @Extension
    public static class Overview implements AdminScreen {
        private final Notifications notifications;

        public Overview(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public String route() {
            return "notifications";
        }

        @Override
        public String group() {
            return "Messages";
        }

        @Override
        public String title() {
            return "Notifications";
        }

        @Override
        public String icon() {
            return "BELL";
        }

        @Override
        public String scope() {
            return "notifications:read";
        }

        @Override
        public Class<? extends Component> view() {
            return NotificationsOverviewView.class;
        }

        @Override
        public Component create() {
            return new NotificationsOverviewView(notifications);
        }
    }

    /** The templates and the editor with its live preview. */
    @Extension
    public static class TemplatesScreen implements AdminScreen {
        private final Notifications notifications;

        public TemplatesScreen(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public String route() {
            return "notifications/templates";
        }

        @Override
        public String group() {
            return "Messages";
        }

        @Override
        public String title() {
            return "Notification templates";
        }

        @Override
        public String icon() {
            return "EDIT";
        }

        @Override
        public String scope() {
            return "notifications:read";
        }

        @Override
        public Class<? extends Component> view() {
            return TemplatesView.class;
        }

        @Override
        public Component create() {
            return new TemplatesView(notifications);
        }
    }

    /** Every notification with its status, filters, and sending again. */
    @Extension
    public static class LogScreen implements AdminScreen {
        private final Notifications notifications;

        public LogScreen(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public String route() {
            return "notifications/log";
        }

        @Override
        public String group() {
            return "Messages";
        }

        @Override
        public String title() {
            return "Delivery log";
        }

        @Override
        public String icon() {
            return "LIST";
        }

        @Override
        public String scope() {
            return "notifications:read";
        }

        @Override
        public Class<? extends Component> view() {
            return DeliveryLogView.class;
        }

        @Override
        public Component create() {
            return new DeliveryLogView(notifications);
        }
    }

    /** Meta's templates with their status, and "sync now". */
    @Extension
    public static class WhatsAppScreen implements AdminScreen {
        private final Notifications notifications;

        public WhatsAppScreen(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public String route() {
            return "notifications/whatsapp-templates";
        }

        @Override
        public String group() {
            return "Messages";
        }

        @Override
        public String title() {
            return "WhatsApp templates";
        }

        @Override
        public String icon() {
            return "COMMENT_ELLIPSIS";
        }

        @Override
        public String scope() {
            return "notifications:read";
        }

        @Override
        public Class<? extends Component> view() {
            return WhatsAppTemplatesView.class;
        }

        @Override
        public Component create() {
            return new WhatsAppTemplatesView(notifications);
        }
    }
}
