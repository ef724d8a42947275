package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class FieldLabelsTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final FieldLabels labels = new FieldLabels(messages);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void namesAFieldInTheUsersLanguageWithItsRowNumber() {
        messages.addMessage("field.tasks.text", Locale.ENGLISH, "Task");
        messages.addMessage("field.tasks.text", Locale.FRENCH, "Tâche");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.label("tasks[0].text")).isEqualTo("Task 1");
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(labels.label("tasks[2].text")).isEqualTo("Tâche 3");
    }

    @Test
    void splitsAnUnknownFieldIntoWords() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.label("budgetCurrency")).isEqualTo("Budget currency");
        assertThat(labels.label("results[1].parentCode")).isEqualTo("Results 2, parent code");
    }
}
