package org.bluehelm.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.mission.MissionFilter;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FieldChange;
import org.bluehelm.web.FormFlow;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of users in the browser: list, detail with their access tokens, create, edit,
 * unlock after repeated failed sign-ins, and revoking a token. Administrators only (also enforced
 * for {@code /admin/**} by the security configuration).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private static final Map<String, String> MISSION_SORT = Map.of("acronym", "m.acronym");

    private final UserService users;
    private final TokenService tokens;
    private final MissionService missions;
    private final ScopeWords scopeWords;
    private final MessageSource messages;
    private final Clock clock;
    private final ListExport export;

    UserAdminController(
            UserService users,
            TokenService tokens,
            MissionService missions,
            ScopeWords scopeWords,
            MessageSource messages,
            Clock clock,
            ListExport export) {
        this.clock = clock;
        this.export = export;
        this.users = users;
        this.tokens = tokens;
        this.missions = missions;
        this.scopeWords = scopeWords;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        PageResponse<UserView> result = users.list(q, PageQuery.of(page, 25, sort, UserService.SORTS, "username"));
        Map<Long, String> scopes = new LinkedHashMap<>();
        result.items().forEach(u -> scopes.put(u.id(), scopeWords.describe(u.roles(), u.scopes())));
        model.addAttribute("result", result);
        model.addAttribute("scopes", scopes);
        model.addAttribute("links", ListLinks.fromCurrentRequest(sort == null ? "username" : sort));
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("identity.users.title"), null)));
        return "identity/users";
    }

    /**
     * The list as CSV or XLSX: every page, with e-mail addresses and roles (this screen is for
     * administrators only).
     */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "csv") String format) {
        List<UserView> rows = ListExport.allPages(
                (p, size) -> users.list(q, PageQuery.of(p, size, sort, UserService.SORTS, "username")));
        return export.download(
                "users",
                format,
                List.<ListExport.Column<UserView>>of(
                        ListExport.column("identity.user.username", UserView::username),
                        ListExport.column("identity.user.displayName", UserView::displayName),
                        ListExport.column("identity.user.email", UserView::email),
                        ListExport.labels("identity.user.roles", "identity.role.", UserView::roles),
                        ListExport.column("identity.user.scope", u -> scopeWords.describe(u.roles(), u.scopes())),
                        ListExport.column("identity.user.enabled", UserView::enabled),
                        ListExport.column("identity.user.locked", UserView::locked),
                        ListExport.column(
                                "identity.user.createdAt", u -> u.createdAt().toLocalDate())),
                rows);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("scope", scopeWords.describe(user.roles(), user.scopes()));
        model.addAttribute("tokens", tokens.list(user.username()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(label("identity.users.title"), "/admin/users"), new Crumb(user.username(), null)));
        return "identity/user";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(new UserForm(), null, model);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return submitted(form, binding, model)
                .submit(
                        () -> {
                            UserView created = users.create(form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/admin/users/" + created.id();
                        },
                        () -> form(form, null, model));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(UserForm.of(users.get(id)), id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") UserForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        UserView stored = users.get(id);
        form.setUsername(stored.username());
        return submitted(form, binding, model)
                .onConflict(() -> {
                    model.addAttribute("conflict", changes(form, users.get(id)));
                    model.addAttribute("reloadUrl", "/admin/users/" + id + "/edit");
                })
                .submit(
                        () -> {
                            users.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.command());
                            redirect.addFlashAttribute("flash", "flash.saved");
                            return "redirect:/admin/users/" + id;
                        },
                        () -> form(form, id, model));
    }

    /** A submitted user form: problems with the scopes are shown at the inputs they came from. */
    private FormFlow submitted(UserForm form, BindingResult binding, Model model) {
        return FormFlow.of(messages, model)
                .binding(binding, "validation.format")
                .errorsMapped(form::formErrors);
    }

    /** Lifts the lock of repeated failed sign-ins: saving the user as enabled resets the counter. */
    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        UserView user = users.get(id);
        try {
            users.update(
                    id,
                    version,
                    new UserCommand(null, user.displayName(), user.email(), null, true, user.roles(), user.scopes()));
            redirect.addFlashAttribute("flash", "identity.flash.unlocked");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", "identity.flash.changedMeanwhile");
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
        UserView user = users.get(id);
        // Revoked on behalf of its owner, so that only a token of this user can match the id.
        tokens.revoke(user.username(), tokenId, false);
        redirect.addFlashAttribute("flash", "identity.flash.tokenRevoked");
        return "redirect:/admin/users/" + id;
    }

    private String form(UserForm form, @Nullable Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPasswordLength", UserService.MIN_PASSWORD_LENGTH);
        List<MissionSummary> choices = missionChoices();
        model.addAttribute("missions", choices);
        model.addAttribute(
                "selectedMissions",
                choices.stream()
                        .filter(m -> form.getMissionIds().contains(m.id()))
                        .map(MissionSummary::acronym)
                        .toList());
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb(label("identity.users.title"), "/admin/users")));
        if (id == null) {
            crumbs.add(new Crumb(label("identity.user.new"), null));
        } else {
            crumbs.add(new Crumb(Objects.toString(form.getUsername(), ""), "/admin/users/" + id));
            crumbs.add(new Crumb(label("action.edit"), null));
        }
        model.addAttribute("breadcrumbs", crumbs);
        return "identity/user-form";
    }

    private List<MissionSummary> missionChoices() {
        return missions.list(
                        new MissionFilter(null, null, null, null, false),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "acronym", MISSION_SORT, "acronym"))
                .items();
    }

    private List<FieldChange> changes(UserForm yours, UserView stored) {
        UserForm theirs = UserForm.of(stored);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.addIfDifferent(
                changes, label("identity.user.displayName"), yours.getDisplayName(), theirs.getDisplayName());
        FieldChange.addIfDifferent(changes, label("identity.user.email"), yours.getEmail(), theirs.getEmail());
        FieldChange.addIfDifferent(changes, label("identity.user.enabled"), yours.isEnabled(), theirs.isEnabled());
        FieldChange.addIfDifferent(
                changes,
                label("identity.user.roles"),
                yours.getRoles().stream().sorted().toList(),
                theirs.getRoles().stream().sorted().toList());
        FieldChange.addIfDifferent(
                changes,
                label("identity.user.scope"),
                scopeWords.describe(yours.getRoles(), yours.scopes()),
                scopeWords.describe(theirs.getRoles(), theirs.scopes()));
        return changes;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
