package org.bluehelm.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The user form of the administration screens. The scope is entered as an "everything" box,
 * mission boxes and a text of country codes; {@link #command()} turns them into scope entries in
 * that order, so that {@link #formErrors} can point a problem with {@code scopes[i]} back at the
 * input it came from.
 */
public class UserForm {

    private static final Pattern SCOPE_FIELD = Pattern.compile("scopes\\[(\\d+)]");

    private @Nullable String username;
    private @Nullable String displayName;
    private @Nullable String email;
    private @Nullable String password;
    private boolean enabled = true;
    private List<Role> roles = new ArrayList<>();
    private boolean allScope;
    private List<Long> missionIds = new ArrayList<>();
    private @Nullable String countries;
    private @Nullable Integer version;

    static UserForm of(UserView user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email();
        form.enabled = user.enabled();
        form.roles = new ArrayList<>(user.roles());
        form.allScope = user.scopes().stream().anyMatch(s -> s.type() == ScopeType.ALL);
        form.missionIds = new ArrayList<>(user.scopes().stream()
                .filter(s -> s.type() == ScopeType.MISSION)
                .map(s -> Long.valueOf(s.value()))
                .toList());
        form.countries = String.join(
                ", ",
                user.scopes().stream()
                        .filter(s -> s.type() == ScopeType.COUNTRY)
                        .map(ScopeEntry::value)
                        .toList());
        form.version = user.version();
        return form;
    }

    /** The command for the service; a blank password means "keep the current one" on an edit. */
    UserCommand command() {
        return new UserCommand(
                username,
                displayName,
                email,
                password == null || password.isEmpty() ? null : password,
                enabled,
                roles,
                scopes());
    }

    List<ScopeEntry> scopes() {
        List<ScopeEntry> scopes = new ArrayList<>();
        if (allScope) {
            scopes.add(new ScopeEntry(ScopeType.ALL, "*"));
        }
        missionIds.forEach(id -> scopes.add(new ScopeEntry(ScopeType.MISSION, String.valueOf(id))));
        countryCodes().forEach(c -> scopes.add(new ScopeEntry(ScopeType.COUNTRY, c)));
        return scopes;
    }

    List<String> countryCodes() {
        return countries == null
                ? List.of()
                : Arrays.stream(countries.split("[,;\\s]+"))
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    /** The service's problems keyed by the inputs of this form: {@code scopes[i]} becomes its box or text. */
    Map<String, String> formErrors(Map<String, String> serviceErrors) {
        int missionsFrom = allScope ? 1 : 0;
        int countriesFrom = missionsFrom + missionIds.size();
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            Matcher m = SCOPE_FIELD.matcher(field);
            String input = field;
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                input = i < missionsFrom ? "allScope" : i < countriesFrom ? "missionIds" : "countries";
            }
            errors.merge(input, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(@Nullable List<Role> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public boolean isAllScope() {
        return allScope;
    }

    public void setAllScope(boolean allScope) {
        this.allScope = allScope;
    }

    public List<Long> getMissionIds() {
        return missionIds;
    }

    public void setMissionIds(@Nullable List<Long> missionIds) {
        this.missionIds = missionIds == null ? new ArrayList<>() : missionIds;
    }

    public @Nullable String getCountries() {
        return countries;
    }

    public void setCountries(@Nullable String countries) {
        this.countries = countries;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
