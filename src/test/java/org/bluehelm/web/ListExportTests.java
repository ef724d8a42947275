package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** Coded values in a list's file: as the screen shows them, in the user's language. */
class ListExportTests {

    enum Level {
        LOW,
        HIGH,
        UNNAMED
    }

    record Row(
            String name,
            @Nullable Level level,
            List<Level> levels,
            @Nullable String language) {}

    private static final ListExport.Table<Row> TABLE = ListExport.Table.of(
            "rows",
            ListExport.column("h.name", Row::name),
            ListExport.label("h.level", "level.", Row::level),
            ListExport.labels("h.levels", "level.", Row::levels),
            ListExport.codeLabel("h.language", "language.", Row::language),
            ListExport.column("h.code", Row::level));

    private final ListExport export = new ListExport(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void enumsAreWrittenAsTheirLabelsInTheUsersLanguageAndTheirNameWithoutOne() {
        List<Row> rows = List.of(
                new Row("a", Level.HIGH, List.of(Level.LOW, Level.UNNAMED), "fr"), new Row("b", null, List.of(), null));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(csv(rows)).isEqualTo("""
                        Name,Level,Levels,Language,Code\r
                        a,High,"Low, UNNAMED",French,HIGH\r
                        b,,,,\r
                        """);

        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(csv(rows)).isEqualTo("""
                        Nom,Niveau,Niveaux,Langue,Code\r
                        a,Élevé,"Faible, UNNAMED",Français,HIGH\r
                        b,,,,\r
                        """);
    }

    private String csv(List<Row> rows) {
        byte[] body = export.download(TABLE, "csv", rows).getBody();
        assertThat(body).isNotNull();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("h.name", Locale.ENGLISH, "Name");
        messages.addMessage("h.level", Locale.ENGLISH, "Level");
        messages.addMessage("h.levels", Locale.ENGLISH, "Levels");
        messages.addMessage("h.language", Locale.ENGLISH, "Language");
        messages.addMessage("h.code", Locale.ENGLISH, "Code");
        messages.addMessage("level.LOW", Locale.ENGLISH, "Low");
        messages.addMessage("level.HIGH", Locale.ENGLISH, "High");
        messages.addMessage("language.fr", Locale.ENGLISH, "French");
        messages.addMessage("h.name", Locale.FRENCH, "Nom");
        messages.addMessage("h.level", Locale.FRENCH, "Niveau");
        messages.addMessage("h.levels", Locale.FRENCH, "Niveaux");
        messages.addMessage("h.language", Locale.FRENCH, "Langue");
        messages.addMessage("h.code", Locale.FRENCH, "Code");
        messages.addMessage("level.LOW", Locale.FRENCH, "Faible");
        messages.addMessage("level.HIGH", Locale.FRENCH, "Élevé");
        messages.addMessage("language.fr", Locale.FRENCH, "Français");
        return messages;
    }
}
