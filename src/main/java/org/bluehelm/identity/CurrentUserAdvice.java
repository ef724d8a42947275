package org.bluehelm.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluehelm.mission.MissionService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user, their roles and their scope on every page of the UI: {@code scope} is
 * the short list of acronyms and codes for the header, {@code scopeWords} the sentence for pages.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final MissionService missions;
    private final ScopeWords scopeWords;

    CurrentUserAdvice(MissionService missions, ScopeWords scopeWords) {
        this.missions = missions;
        this.scopeWords = scopeWords;
    }

    @ModelAttribute("me")
    @Nullable
    Map<String, Object> me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BluehelmPrincipal p)) {
            return null;
        }
        List<String> scope = new ArrayList<>();
        p.scope().missionIds().stream()
                .sorted()
                .forEach(id -> missions.findAcronym(id).ifPresent(scope::add));
        scope.addAll(p.scope().countryCodes().stream().sorted().toList());
        List<ScopeEntry> entries = new ArrayList<>();
        if (p.scope().global()) {
            entries.add(new ScopeEntry(ScopeType.ALL, "*"));
        }
        p.scope().missionIds().forEach(id -> entries.add(new ScopeEntry(ScopeType.MISSION, String.valueOf(id))));
        p.scope().countryCodes().forEach(c -> entries.add(new ScopeEntry(ScopeType.COUNTRY, c)));
        return Map.of(
                "username", p.username(),
                "displayName", p.displayName(),
                "roles", p.roles(),
                "admin", p.roles().contains(Role.ADMIN),
                "global", p.scope().global(),
                "scope", String.join(", ", scope),
                "scopeWords", scopeWords.describe(p.roles(), entries));
    }
}
