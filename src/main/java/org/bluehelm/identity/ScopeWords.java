package org.bluehelm.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bluehelm.mission.MissionService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A user's scope in words for the screens: "All missions and countries" (administrators and the
 * ALL entry), or the missions by acronym and the countries by ISO code, or "No scope yet".
 */
@Component
class ScopeWords {

    private final MissionService missions;
    private final MessageSource messages;

    ScopeWords(MissionService missions, MessageSource messages) {
        this.missions = missions;
        this.messages = messages;
    }

    String describe(List<Role> roles, List<ScopeEntry> scopes) {
        Locale locale = LocaleContextHolder.getLocale();
        if (roles.contains(Role.ADMIN) || scopes.stream().anyMatch(s -> s.type() == ScopeType.ALL)) {
            return messages.getMessage("scope.all", null, locale);
        }
        List<String> acronyms = scopes.stream()
                .filter(s -> s.type() == ScopeType.MISSION)
                .map(s -> missions.findAcronym(Long.parseLong(s.value())).orElse("#" + s.value()))
                .sorted()
                .toList();
        List<String> countries = scopes.stream()
                .filter(s -> s.type() == ScopeType.COUNTRY)
                .map(ScopeEntry::value)
                .sorted()
                .toList();
        List<String> parts = new ArrayList<>();
        if (!acronyms.isEmpty()) {
            parts.add(
                    messages.getMessage("identity.scope.missions", new Object[] {String.join(", ", acronyms)}, locale));
        }
        if (!countries.isEmpty()) {
            parts.add(messages.getMessage(
                    "identity.scope.countries", new Object[] {String.join(", ", countries)}, locale));
        }
        return parts.isEmpty() ? messages.getMessage("scope.none", null, locale) : String.join(" · ", parts);
    }
}
