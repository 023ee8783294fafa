package io.loyaltyhub.api.platform;

/**
 * Staff roles and the scopes each grants. Scopes are {@code area:action}; this is the one place
 * that maps roles to them, for REST routes and admin views alike.
 */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Approvals, campaigns, reports: all but staff, API keys and plugin settings. */
    MANAGER,
    /** Customers, points adjustments, vouchers at the counter, messages; read-only elsewhere (not staff, audit, events). */
    SUPPORT;

    public boolean grants(String scope) {
        String area = scope.substring(0, scope.indexOf(':'));
        String action = scope.substring(scope.indexOf(':') + 1);
        return switch (this) {
            case ADMIN -> true;
            case MANAGER -> !area.equals("staff") && !area.equals("apikeys") && !scope.equals("plugins:write");
            case SUPPORT -> switch (area) {
                case "customers", "points", "vouchers", "messages" -> true;
                case "staff", "apikeys", "audit", "events" -> false;
                default -> action.equals("read");
            };
        };
    }
}
