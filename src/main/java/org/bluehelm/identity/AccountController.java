package org.bluehelm.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: profile, roles and scope, changing the password, and personal
 * access tokens for the API (a new token is shown once, on the page that answers its creation).
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private final UserService users;
    private final TokenService tokens;
    private final ScopeWords scopeWords;
    private final MessageSource messages;
    private final Clock clock;

    AccountController(
            UserService users, TokenService tokens, ScopeWords scopeWords, MessageSource messages, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.scopeWords = scopeWords;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String account(@AuthenticationPrincipal BluehelmPrincipal me, Model model) {
        return page(me, model);
    }

    @PostMapping("/password")
    String changePassword(
            @AuthenticationPrincipal BluehelmPrincipal me,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Model model,
            RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(me.username(), currentPassword, newPassword, confirmPassword);
            redirect.addFlashAttribute("flash", "identity.flash.passwordChanged");
            return "redirect:/account";
        } catch (InvalidInputException e) {
            model.addAttribute("passwordErrors", errors(e));
            return page(me, model);
        }
    }

    @PostMapping("/tokens")
    String createToken(
            @AuthenticationPrincipal BluehelmPrincipal me,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String expiresOn,
            Model model) {
        try {
            TokenView token = tokens.create(me.username(), name, endOfDay(expiresOn));
            model.addAttribute("token", token);
            model.addAttribute(
                    "breadcrumbs",
                    List.of(new Crumb(label("identity.account.title"), "/account"), new Crumb(token.name(), null)));
            return "identity/token-created";
        } catch (InvalidInputException e) {
            model.addAttribute("tokenErrors", errors(e));
            model.addAttribute("tokenName", name);
            model.addAttribute("tokenExpiresOn", expiresOn);
            return page(me, model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(
            @AuthenticationPrincipal BluehelmPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me.username(), id, false);
        redirect.addFlashAttribute("flash", "identity.flash.tokenRevoked");
        return "redirect:/account";
    }

    private String page(BluehelmPrincipal me, Model model) {
        UserView user = users.byUsername(me.username());
        model.addAttribute("user", user);
        model.addAttribute("scope", scopeWords.describe(user.roles(), user.scopes()));
        model.addAttribute("tokens", tokens.list(user.username()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("minPasswordLength", UserService.MIN_PASSWORD_LENGTH);
        model.addAttribute("breadcrumbs", List.of(new Crumb(label("identity.account.title"), null)));
        return "identity/account";
    }

    /** A token chosen to expire on a day stays valid until the end of that day (UTC). */
    private static @Nullable OffsetDateTime endOfDay(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atTime(23, 59, 59).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "expiresOn", "is not a date (YYYY-MM-DD)", "identity.validation.date", List.of())));
        }
    }

    private Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = FormErrors.of(e, messages, LocaleContextHolder.getLocale());
        String expiry = errors.remove("expiresAt");
        if (expiry != null) {
            errors.put("expiresOn", expiry);
        }
        return errors;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
