package org.bluehelm.lesson;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small English–French glossary of security sector reform words, so that a query in one language
 * also finds lessons written in the other: "désarmement" also asks for "disarmament", "police
 * training" also for "formation police". Words are matched without case or accents, single words
 * and two-word phrases; the translations are added to the query, never replace it.
 */
final class Glossary {

    private static final String[][] PAIRS = {
        {"désarmement", "disarmament"},
        {"démobilisation", "demobilisation demobilization"},
        {"réintégration", "reintegration"},
        {"réinsertion", "reintegration"},
        {"ex-combattants", "ex-combatants combatants"},
        {"combattants", "combatants fighters"},
        {"armes", "weapons arms"},
        {"formation", "training"},
        {"formations", "training"},
        {"policiers", "police officers"},
        {"policier", "police officer"},
        {"police", "police"},
        {"gendarmerie", "gendarmerie"},
        {"armée", "army"},
        {"forces armées", "armed forces"},
        {"militaires", "military soldiers"},
        {"soldats", "soldiers"},
        {"justice", "justice"},
        {"tribunaux", "courts"},
        {"juges", "judges"},
        {"procureurs", "prosecutors"},
        {"prisons", "prisons corrections"},
        {"pénitentiaire", "corrections prison"},
        {"détention", "detention"},
        {"frontières", "border borders"},
        {"frontière", "border"},
        {"renseignement", "intelligence"},
        {"contrôle", "oversight control"},
        {"redevabilité", "accountability"},
        {"responsabilité", "accountability"},
        {"appropriation", "ownership"},
        {"appropriation nationale", "national ownership"},
        {"vérification", "vetting"},
        {"corruption", "corruption"},
        {"droits de l'homme", "human rights"},
        {"droits humains", "human rights"},
        {"femmes", "women"},
        {"genre", "gender"},
        {"communautés", "communities community"},
        {"communautaire", "community"},
        {"transition", "transition handover"},
        {"retrait", "drawdown withdrawal"},
        {"mandat", "mandate"},
        {"réforme", "reform"},
        {"secteur de la sécurité", "security sector"},
        {"sécurité", "security"},
        {"contexte", "context"},
        {"analyse", "analysis assessment"},
        {"évaluation", "assessment evaluation"},
        {"stratégie", "strategy"},
        {"souplesse", "flexibility flexible"},
        {"flexibilité", "flexibility flexible"},
        {"capacités", "capacity"},
        {"renforcement des capacités", "capacity building"},
        {"salaires", "salaries pay"},
        {"budget", "budget"},
        {"donateurs", "donors"},
        {"bailleurs", "donors"},
        {"coordination", "coordination"},
        {"confiance", "trust confidence"},
        {"chefs de guerre", "warlords"},
        {"factions", "factions"},
        {"milices", "militias"},
        {"élections", "elections"},
        {"paix", "peace"},
        {"ministère", "ministry"},
        {"recrutement", "recruitment"},
        {"encadrement", "mentoring"},
        {"mentorat", "mentoring"},
    };

    private static final Map<String, Set<String>> TRANSLATIONS = new HashMap<>();

    static {
        for (String[] pair : PAIRS) {
            add(fold(pair[0]), pair[1]);
            for (String english : pair[1].split(" ")) {
                add(fold(english), pair[0]);
            }
            add(fold(pair[1]), pair[0]);
        }
    }

    private Glossary() {}

    private static void add(String key, String translation) {
        TRANSLATIONS.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(translation);
    }

    /** The translations of the words and two-word phrases of a query, as text to add to it; empty if none. */
    static String expand(String query) {
        List<String> words = new ArrayList<>();
        for (String w : fold(query).split("[^\\p{L}\\p{N}'-]+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            found.addAll(TRANSLATIONS.getOrDefault(words.get(i), Set.of()));
            if (i + 1 < words.size()) {
                found.addAll(TRANSLATIONS.getOrDefault(words.get(i) + " " + words.get(i + 1), Set.of()));
            }
            if (i + 2 < words.size()) {
                found.addAll(TRANSLATIONS.getOrDefault(
                        words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2), Set.of()));
            }
        }
        return String.join(" ", found);
    }

    /** Lower case, without accents. */
    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
