package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

class FormFlowTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final ExtendedModelMap model = new ExtendedModelMap();

    @BeforeEach
    void french() {
        messages.addMessage("test.validation.format", Locale.FRENCH, "« {0} » n''est pas valable");
        messages.addMessage("test.conflict", Locale.FRENCH, "Modifié entre-temps");
        LocaleContextHolder.setLocale(Locale.FRENCH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** A form payload with one number field, as a page binds it. */
    public static class Sample {
        private Integer count;

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }
    }

    @Test
    void savesAndGoesWhereTheSaveStepSays() {
        String view = FormFlow.of(messages, model).submit(() -> "redirect:/done", () -> "form");
        assertThat(view).isEqualTo("redirect:/done");
        assertThat(model.containsAttribute("errors")).isFalse();
    }

    @Test
    void aValueThatDoesNotFitItsFieldShowsTheFormAgainWithoutSaving() {
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(new Sample(), "form");
        binding.rejectValue("count", "typeMismatch");
        boolean[] saved = {false};
        String view = FormFlow.of(messages, model)
                .binding(binding, "test.validation.format")
                .submit(
                        () -> {
                            saved[0] = true;
                            return "redirect:/done";
                        },
                        () -> "form");
        assertThat(view).isEqualTo("form");
        assertThat(saved[0]).isFalse();
        assertThat(model.getAttribute("errors")).isEqualTo(Map.of("count", "« null » n'est pas valable"));
    }

    @Test
    void refusedInputShowsTheFormAgainWithTheProblemsByField() {
        String view = FormFlow.of(messages, model)
                .errorsAs("noteErrors")
                .submit(
                        () -> {
                            throw InvalidInputException.of("note", "is required");
                        },
                        () -> "detail");
        assertThat(view).isEqualTo("detail");
        assertThat(model.getAttribute("noteErrors")).isEqualTo(Map.of("note", "is required"));
        assertThat(model.containsAttribute("errors")).isFalse();
    }

    @Test
    void aStaleVersionIsShownOnTheVersionFieldWhereThePagePlansForIt() {
        String view = FormFlow.of(messages, model)
                .conflictAs("test.conflict")
                .submit(
                        () -> {
                            throw ConflictException.staleVersion("course", 7);
                        },
                        () -> "form");
        assertThat(view).isEqualTo("form");
        assertThat(model.getAttribute("errors")).isEqualTo(Map.of("version", "Modifié entre-temps"));
    }

    @Test
    void aStaleVersionThePageDoesNotPlanForGoesOn() {
        assertThatThrownBy(() -> FormFlow.of(messages, model)
                        .submit(
                                () -> {
                                    throw ConflictException.staleVersion("course", 7);
                                },
                                () -> "form"))
                .isInstanceOf(ConflictException.class);
    }
}
