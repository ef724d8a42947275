package org.bluehelm.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlossaryTests {

    @Test
    void frenchWordsAndPhrasesBringTheirEnglishTranslationsWithoutCaseOrAccents() {
        assertThat(Glossary.expand("Désarmement")).isEqualTo("disarmament");
        assertThat(Glossary.expand("formation des policiers")).contains("training", "police officers");
        assertThat(Glossary.expand("appropriation nationale")).contains("ownership", "national ownership");
        assertThat(Glossary.expand("droits de l'homme")).contains("human rights");
    }

    @Test
    void englishWordsBringTheirFrenchTranslationsAndUnknownWordsNothing() {
        assertThat(Glossary.expand("disarmament")).isEqualTo("désarmement");
        assertThat(Glossary.expand("vetting")).isEqualTo("vérification");
        assertThat(Glossary.expand("zebra")).isEmpty();
    }
}
