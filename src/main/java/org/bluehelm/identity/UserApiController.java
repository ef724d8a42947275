package org.bluehelm.identity;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Users (administrators only), the signed-in user and personal access tokens")
class UserApiController {

    private final UserService users;
    private final TokenService tokens;

    UserApiController(UserService users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/users")
    PageResponse<UserView> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return users.list(q, PageQuery.of(page, size, sort, UserService.SORTS, "username"));
    }

    @GetMapping("/users/{id}")
    ResponseEntity<UserView> get(@PathVariable long id) {
        UserView user = users.get(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(user.version())).body(user);
    }

    @PostMapping("/users")
    ResponseEntity<UserView> create(@RequestBody UserRequest request) {
        UserView user = users.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
                .eTag(ExpectedVersion.etag(user.version()))
                .body(user);
    }

    @PutMapping("/users/{id}")
    ResponseEntity<UserView> update(
            @PathVariable long id,
            @RequestBody UserRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        UserView user = users.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(user.version())).body(user);
    }

    @GetMapping("/me")
    MeResponse me(@AuthenticationPrincipal BluehelmPrincipal principal) {
        AccessScope scope = principal.scope();
        return new MeResponse(
                principal.username(),
                principal.displayName(),
                principal.roles(),
                scope.global(),
                scope.missionIds().stream().sorted().toList(),
                scope.countryCodes().stream().sorted().toList());
    }

    @PutMapping("/me/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal BluehelmPrincipal principal, @RequestBody PasswordChange change) {
        users.changeOwnPassword(
                principal.username(),
                change.currentPassword() == null ? "" : change.currentPassword(),
                change.newPassword() == null ? "" : change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/tokens")
    List<TokenView> tokens(@AuthenticationPrincipal BluehelmPrincipal principal) {
        return tokens.list(principal.username());
    }

    @PostMapping("/me/tokens")
    ResponseEntity<TokenView> createToken(
            @AuthenticationPrincipal BluehelmPrincipal principal, @RequestBody TokenRequest request) {
        TokenView token = tokens.create(principal.username(), request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
                .body(token);
    }

    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal BluehelmPrincipal principal, @PathVariable long id) {
        tokens.revoke(principal.username(), id, false);
        return ResponseEntity.noContent().build();
    }

    record UserRequest(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String password,
            @Nullable Boolean enabled,
            @Nullable List<Role> roles,
            @Nullable List<ScopeEntry> scopes,
            @Nullable Integer version) {
        UserCommand command() {
            return new UserCommand(username, displayName, email, password, enabled, roles, scopes);
        }
    }

    record MeResponse(
            String username,
            String displayName,
            List<Role> roles,
            boolean allMissionsAndCountries,
            List<Long> missionIds,
            List<String> countryCodes) {}

    record PasswordChange(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    record TokenRequest(@Nullable String name, @Nullable OffsetDateTime expiresAt) {}
}
