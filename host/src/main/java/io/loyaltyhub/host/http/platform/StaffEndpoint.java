package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.api.platform.StaffUser;

import java.util.List;
import java.util.Map;

/** {@code /api/v1/staff}: list and create staff accounts (admins). */
public final class StaffEndpoint implements ApiEndpoint {
    public record NewStaff(String username, String displayName, Role role, String password) {
    }

    private final StaffService staff;

    public StaffEndpoint(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public String area() {
        return "staff";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "staff:read", "List staff users", StaffUser[].class, r -> ApiResponse.ok(staff.list())),
                ApiRoute.post("/", "staff:write", "Create a staff user", NewStaff.class, StaffUser.class, this::create).created());
    }

    private ApiResponse create(ApiRequest r) {
        NewStaff n = r.body(NewStaff.class);
        try {
            StaffUser u = staff.create(r.actor(), n.username(), n.displayName(), n.role(), n.password());
            return ApiResponse.created("/api/v1/staff/" + u.id(), u);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(e.getMessage(), Map.of());
        }
    }
}
