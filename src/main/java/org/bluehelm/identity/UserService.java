package org.bluehelm.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and scopes, and the sign-in counters that slow down password guessing. */
@Service
@Transactional(readOnly = true)
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final java.util.Map<String, String> SORTS =
            java.util.Map.of("username", "username", "displayName", "display_name", "createdAt", "created_at");

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final GeographyService geography;
    private final MissionService missions;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserService(
            AppUserRepository users,
            PasswordEncoder passwordEncoder,
            GeographyService geography,
            MissionService missions,
            JdbcClient jdbc,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.geography = geography;
        this.missions = missions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PageResponse<UserView> list(@Nullable String search, PageQuery page) {
        String q = SearchText.containingOrNull(search);
        String where = " where (cast(:q as varchar) is null or lower(username) like :q or lower(display_name) like :q)";
        long total = jdbc.sql("select count(*) from app_user" + where)
                .param("q", q)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select id from app_user" + where + " order by " + page.orderBy()
                        + ", id limit :limit offset :offset")
                .param("q", q)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        List<UserView> items = ids.stream()
                .map(id -> users.findById(id).map(this::view).orElseThrow())
                .toList();
        return PageResponse.of(items, page, total);
    }

    public UserView get(long id) {
        return users.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("User", id));
    }

    public UserView byUsername(String username) {
        return users.findByUsername(username)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("User", username));
    }

    /**
     * The enabled users who have an e-mail address, each with their access scope, so that a module
     * that notifies people (alerts) can pick those whose scope covers a record.
     */
    public List<MailRecipient> mailRecipients() {
        List<Long> ids = jdbc.sql("""
                        select id from app_user
                         where enabled = true and email is not null and email <> '' order by id""").query(Long.class).list();
        return ids.stream()
                .map(id -> users.findById(id).orElse(null))
                .filter(u -> u != null && u.email != null)
                .map(u -> new MailRecipient(
                        u.username,
                        String.valueOf(u.email).strip(),
                        scopeOf(u),
                        u.roles.stream().map(r -> r.role().name()).collect(Collectors.toSet())))
                .toList();
    }

    /** Someone to notify by e-mail, with what they may see: their scope and their roles' names. */
    public record MailRecipient(String username, String email, AccessScope scope, Set<String> roles) {}

    public boolean anyUserExists() {
        return users.count() > 0;
    }

    @Transactional
    public UserView create(UserCommand command) {
        Validation v = validate(command, true);
        if (command.username() != null
                && users.findByUsername(command.username().strip()).isPresent()) {
            v.coded(
                    "username",
                    "'" + command.username().strip() + "' is already taken",
                    "identity.validation.usernameTaken",
                    command.username().strip());
        }
        v.throwIfInvalid();
        AppUser user = new AppUser(
                command.username().strip(),
                command.displayName().strip(),
                blankToNull(command.email()),
                passwordEncoder.encode(command.password()),
                OffsetDateTime.now(clock));
        user.enabled = command.enabled() == null || command.enabled();
        apply(user, command);
        return view(users.save(user));
    }

    @Transactional
    public UserView update(long id, int expectedVersion, UserCommand command) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        Validation v = validate(command, false);
        if (command.username() != null && !command.username().strip().equals(user.username)) {
            v.coded("username", "cannot be changed", "identity.validation.usernameFixed");
        }
        if (user.username.equals(AccessScope.current().username())) {
            // an administrator cannot lock themself out; another administrator can do it
            if (command.roles() != null
                    && !command.roles().contains(Role.ADMIN)
                    && user.roles.stream().anyMatch(r -> r.role() == Role.ADMIN)) {
                v.coded(
                        "roles",
                        "cannot lose the administrator role of the signed-in user; ask another administrator",
                        "identity.validation.ownAdmin");
            }
            if (Boolean.FALSE.equals(command.enabled())) {
                v.coded(
                        "enabled",
                        "cannot be turned off for the signed-in user; ask another administrator",
                        "identity.validation.ownEnabled");
            }
        }
        v.throwIfInvalid();
        if (user.version != expectedVersion) {
            throw ConflictException.staleVersion("User", id);
        }
        user.displayName = command.displayName().strip();
        user.email = blankToNull(command.email());
        if (command.password() != null && !command.password().isEmpty()) {
            user.passwordHash = passwordEncoder.encode(command.password());
        }
        if (command.enabled() != null) {
            user.enabled = command.enabled();
            if (user.enabled) {
                user.failedSignIns = 0;
                user.lockedUntil = null;
            }
        }
        user.roles.clear();
        user.scopes.clear();
        apply(user, command);
        return view(users.save(user));
    }

    /** Changes the signed-in user's own password after checking the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        changeOwnPassword(username, currentPassword, newPassword, null);
    }

    /**
     * Changes the signed-in user's own password after checking the current one and, when the form
     * asks for it twice, that both entries match ({@code confirmation} is null for the API).
     */
    @Transactional
    public void changeOwnPassword(
            String username, String currentPassword, String newPassword, @Nullable String confirmation) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        Validation v = new Validation();
        if (!passwordEncoder.matches(currentPassword, user.passwordHash)) {
            v.coded("currentPassword", "is not your current password", "identity.validation.currentPassword");
        }
        checkPassword(v, "newPassword", newPassword);
        if (confirmation != null && !confirmation.equals(newPassword)) {
            v.coded("confirmPassword", "does not match the new password", "identity.validation.confirmation");
        }
        v.throwIfInvalid();
        user.passwordHash = passwordEncoder.encode(newPassword);
        users.save(user);
    }

    /**
     * Counts a failed sign-in; the fifth in a row locks the account for fifteen minutes. Runs in its
     * own transaction so that the count survives the failed request.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailedSignIn(String username) {
        jdbc.sql("""
                        update app_user
                           set failed_sign_ins = failed_sign_ins + 1,
                               locked_until = case when failed_sign_ins + 1 >= :limit then :until else locked_until end
                         where username = :username""")
                .param("limit", FAILURES_BEFORE_LOCK)
                .param("until", OffsetDateTime.now(clock).plus(LOCK_DURATION))
                .param("username", username)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccessfulSignIn(String username) {
        jdbc.sql(
                        "update app_user set failed_sign_ins = 0, locked_until = null where username = :username and failed_sign_ins > 0")
                .param("username", username)
                .update();
    }

    /** The access scope of a user, with the host countries of the missions in it. */
    AccessScope scopeOf(AppUser user) {
        Set<Role> roles = user.roles.stream().map(AppUser.RoleGrant::role).collect(Collectors.toSet());
        boolean global =
                roles.contains(Role.ADMIN) || user.scopes.stream().anyMatch(s -> s.scopeType() == ScopeType.ALL);
        Set<Long> missionIds = user.scopes.stream()
                .filter(s -> s.scopeType() == ScopeType.MISSION)
                .map(s -> Long.valueOf(s.scopeValue()))
                .collect(Collectors.toSet());
        Set<String> countries = user.scopes.stream()
                .filter(s -> s.scopeType() == ScopeType.COUNTRY)
                .map(AppUser.ScopeGrant::scopeValue)
                .collect(Collectors.toSet());
        return new AccessScope(user.username, global, missionIds, countries, missions.hostCountries(missionIds));
    }

    UserView view(AppUser user) {
        boolean locked = user.lockedUntil != null && user.lockedUntil.isAfter(OffsetDateTime.now(clock));
        return new UserView(
                user.id == null ? 0 : user.id,
                user.username,
                user.displayName,
                user.email,
                user.enabled,
                locked,
                user.roles.stream().map(AppUser.RoleGrant::role).sorted().toList(),
                user.scopes.stream()
                        .map(s -> new ScopeEntry(s.scopeType(), s.scopeValue()))
                        .sorted(Comparator.comparing(ScopeEntry::type).thenComparing(ScopeEntry::value))
                        .toList(),
                user.createdAt,
                user.version);
    }

    private void apply(AppUser user, UserCommand command) {
        for (Role role : new LinkedHashSet<>(command.roles())) {
            user.roles.add(new AppUser.RoleGrant(role));
        }
        if (command.scopes() != null) {
            for (ScopeEntry scope : new HashSet<>(command.scopes())) {
                String value = scope.type() == ScopeType.ALL
                        ? "*"
                        : scope.value().strip().toUpperCase(Locale.ROOT);
                user.scopes.add(new AppUser.ScopeGrant(scope.type(), value));
            }
        }
    }

    private Validation validate(UserCommand command, boolean creating) {
        Validation v = new Validation()
                .required("username", creating ? command.username() : "-")
                .required("displayName", command.displayName())
                .maxLength("displayName", command.displayName(), 200)
                .maxLength("email", command.email(), 200);
        if (command.email() != null
                && !command.email().isBlank()
                && !EMAIL.matcher(command.email().strip()).matches()) {
            v.coded("email", "is not an e-mail address", "identity.validation.email");
        }
        if (creating
                && command.username() != null
                && !USERNAME.matcher(command.username().strip()).matches()) {
            v.coded(
                    "username",
                    "use 2 to 64 lower-case letters, digits, '.', '_' or '-'",
                    "identity.validation.usernamePattern");
        }
        if (creating || (command.password() != null && !command.password().isEmpty())) {
            checkPassword(v, "password", command.password());
        }
        if (command.roles() == null || command.roles().isEmpty()) {
            v.coded("roles", "at least one role is required", "identity.validation.rolesRequired");
        } else if (command.roles().stream().anyMatch(java.util.Objects::isNull)) {
            v.coded("roles", "contains an unknown role", "identity.validation.roleUnknown");
        }
        if (command.scopes() != null) {
            for (int i = 0; i < command.scopes().size(); i++) {
                ScopeEntry s = command.scopes().get(i);
                String field = "scopes[" + i + "]";
                if (s == null || s.type() == null) {
                    v.coded(field, "needs a type: ALL, MISSION or COUNTRY", "identity.validation.scopeType");
                } else if (s.type() == ScopeType.MISSION) {
                    try {
                        if (s.value() == null
                                || !missions.exists(Long.parseLong(s.value().strip()))) {
                            v.coded(
                                    field,
                                    "mission '" + s.value() + "' does not exist",
                                    "identity.validation.missionUnknown",
                                    String.valueOf(s.value()));
                        }
                    } catch (NumberFormatException e) {
                        v.coded(field, "a mission scope needs the mission id", "identity.validation.missionId");
                    }
                } else if (s.type() == ScopeType.COUNTRY
                        && !geography.countryExists(
                                s.value() == null ? null : s.value().strip().toUpperCase(Locale.ROOT))) {
                    v.coded(
                            field,
                            "country '" + s.value() + "' is not a known ISO alpha-3 code",
                            "identity.validation.countryUnknown",
                            String.valueOf(s.value()));
                }
            }
        }
        return v;
    }

    private static void checkPassword(Validation v, String field, @Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            v.coded(
                    field,
                    "must be at least " + MIN_PASSWORD_LENGTH + " characters",
                    "identity.validation.passwordShort",
                    MIN_PASSWORD_LENGTH);
        } else if (password.length() > 128) {
            v.coded(field, "must be at most 128 characters", "validation.maxLength", 128);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    AppUserRepository repository() {
        return users;
    }
}
