package org.asicscm.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.asicscm.access.control.SignIn;
import org.asicscm.access.control.Users;
import org.asicscm.access.entity.AppUser;

/** Requests and answers about users, their roles and signing in. */
public final class AccessViews {
    private AccessViews() {}

    public record UserRequest(
            @NotNull @Size(max = 64) @Pattern(regexp = Users.USERNAME_PATTERN)
            String username,

            @Size(max = 120) String displayName,

            @NotNull @Size(min = Users.SHORTEST_PASSWORD, max = Users.LONGEST_PASSWORD)
            String password,

            @NotEmpty @Size(max = 6) List<String> roles) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public UserRequest(String username, String displayName, String password, List<String> roles) {
            this.username = username;
            this.displayName = displayName;
            this.password = password;
            this.roles = roles;
        }
    }

    public record RolesRequest(@NotEmpty @Size(max = 6) List<String> roles) {
        public RolesRequest(List<String> roles) {
            this.roles = roles;
        }
    }

    public record PasswordRequest(
            @NotNull @Size(min = Users.SHORTEST_PASSWORD, max = Users.LONGEST_PASSWORD)
            String password) {
        public PasswordRequest(String password) {
            this.password = password;
        }
    }

    public record SignInRequest(
            @NotBlank @Size(max = 64) String username,
            @NotNull @Size(max = 200) String password) {
        public SignInRequest(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    public record UserView(
            String username,
            String displayName,
            Set<String> roles,
            boolean enabled,
            OffsetDateTime createdAt,
            String createdBy) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.displayName(), u.roles(), u.enabled(), u.createdAt(), u.createdBy());
        }
    }

    public record CallerView(String username, Set<String> roles) {
        static CallerView of(SignIn.Caller caller) {
            return new CallerView(caller.name(), caller.roles());
        }
    }
}
