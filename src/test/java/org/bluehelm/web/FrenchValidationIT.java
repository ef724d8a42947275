package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A French user whose form is refused reads why in French, at the field and in the summary, on the
 * pages of missions, indicators, disaggregation categories, analytics, the IATI import and the
 * training roster import; the API keeps the English texts.
 */
@IntegrationTest
class FrenchValidationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    GeographyService geography;

    @Autowired
    MessageSource messages;

    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    @Test
    void aRefusedMissionReadsInFrench() throws Exception {
        String page = french(post("/missions")
                .param("acronym", "FR" + tag)
                .param("name", "Mission " + tag)
                .param("status", "CLOSED")
                .param("startDate", "2024-01-01")
                .param("hostCountries", "ZZZ")
                .param("resolutions[0].symbol", "S/RES/1 (2024)")
                .param("resolutions[1].symbol", "S/RES/1 (2024)"));
        assertThat(page)
                .contains("est obligatoire pour une mission terminée")
                .contains(html("« ZZZ » n'est pas un code ISO 3166 alpha-3 connu"))
                .contains("« S/RES/1 (2024) » figure deux fois")
                .doesNotContain("is required for a closed mission")
                .doesNotContain("is not a known ISO 3166")
                .doesNotContain("is listed twice");
        // the start field of two dates out of order is named by its label
        assertThat(french(post("/missions")
                        .param("acronym", "FS" + tag)
                        .param("name", "Mission " + tag)
                        .param("startDate", "2024-05-01")
                        .param("endDate", "2024-01-01")
                        .param("hostCountries", "LBR")))
                .contains("Date de fin ne doit pas précéder « Date de début »")
                .doesNotContain("« startDate »");
    }

    @Test
    void aRefusedIndicatorReadsInFrench() throws Exception {
        String page = french(post("/indicators")
                .param("code", "Bad Code " + tag)
                .param("name", "Indicator " + tag)
                .param("unit", "%")
                .param("valueType", "PERCENTAGE")
                .param("minValue", "150")
                .param("aggregation", "RATIO")
                .param("direction", "HIGHER_IS_BETTER")
                .param("dimension", "CAPACITY")
                .param("countryCode", "ZZZ"));
        assertThat(page)
                .contains("doit compter 1 à 60 lettres minuscules, chiffres ou tirets bas")
                .contains("Valeur minimale doit être entre 0 et 100 pour un pourcentage")
                .contains("Numérateur est obligatoire pour un indicateur de type rapport")
                .contains(html("« ZZZ » n'est pas un pays connu"))
                .doesNotContain("lower-case letters")
                .doesNotContain("for a percentage")
                .doesNotContain("Min value")
                .doesNotContain("is required for a RATIO indicator")
                .doesNotContain("is not a known country");
    }

    @Test
    void aRefusedDisaggregationCategoryReadsInFrench() throws Exception {
        String page = french(post("/indicators/disaggregations")
                .param("code", "bad code")
                .param("name", "Category " + tag)
                .param("options[0].code", "FEMALE")
                .param("options[0].name", "Female")
                .param("options[1].code", "FEMALE")
                .param("options[1].name", "Female again"));
        assertThat(page)
                .contains("doit compter 1 à 50 lettres majuscules, chiffres ou tirets bas")
                .contains("Code de la modalité 2 « FEMALE » figure deux fois")
                .doesNotContain("capital letters")
                .doesNotContain("is listed twice");
    }

    @Test
    void aRefusedAnalyticsQueryReadsInFrench() throws Exception {
        String page = french(get("/analytics").param("formula", "#{trained_female"));
        assertThat(page)
                .contains(html("Unité d'organisation: choisissez au moins une unité d'organisation"))
                .contains("est obligatoire : la première période, par ex. 2024Q1")
                .contains(html("Formule: à la position 1 : « #{ » n'est jamais fermé par « } »"))
                .doesNotContain("give at least one organisation unit")
                .doesNotContain("the first period")
                .doesNotContain("is never closed");
        assertThat(french(get("/analytics").param("formula", "2 * (3").param("orgUnitLevel", "top")))
                .contains("doit être un niveau de la hiérarchie (1 à 10) ou les sous-unités")
                .doesNotContain("must be a level of the hierarchy");
        assertThat(french(get("/analytics").param("formula", "2 * (3")))
                .contains(html("à la position 7 : la « ( » de la position 5 n'est jamais fermée"))
                .doesNotContain("is never closed");
    }

    @Test
    void aRefusedIatiImportReadsInFrench() throws Exception {
        String root = french(multipart("/coordination/import").file(xml("<activities/>")));
        assertThat(root)
                .contains("id=\"import-problems\"")
                .contains(html("l'élément racine doit être iati-activities, pas activities"))
                .doesNotContain("the root element must be");
        String activity = french(multipart("/coordination/import").file(xml("""
                <iati-activities version="2.03">
                  <iati-activity>
                    <iati-identifier>XM-%s</iati-identifier>
                    <activity-date type="9" iso-date="2024-01-01"/>
                    <recipient-country code="QQ"/>
                  </iati-activity>
                </iati-activities>""".formatted(tag))));
        assertThat(activity)
                .contains("type doit valoir 1, 2, 3 ou 4, pas 9")
                .contains(html("le code QQ n'est pas un code pays ISO 3166-1 alpha-2"))
                .contains("au moins une organisation participante avec un rôle est obligatoire")
                .contains("doit être 15210 (gestion et réforme des systèmes de sécurité, vocabulaire 1)")
                .doesNotContain("type must be")
                .doesNotContain("is not an ISO 3166-1 alpha-2 country code")
                .doesNotContain("participating organisation with a role is required")
                .doesNotContain("security system management");
    }

    @Test
    void aRefusedRosterReadsInFrench() throws Exception {
        long police = id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Police %s","pillar":"POLICE","countryCode":"LBR"}""".formatted(tag)))
                .andExpect(status().isCreated()));
        long course = id(mvc.perform(post("/api/v1/capacity/courses")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Course %s","competency":"COMMUNITY_POLICING","durationDays":3,
                                 "targetInstitutionId":%d,"rankLevels":["NCO"]}""".formatted(tag, police)))
                .andExpect(status().isCreated()));
        long event = id(mvc.perform(post("/api/v1/capacity/events")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"courseId":%d,"startsOn":"2026-03-02","endsOn":"2026-03-04","deliveredBy":"UNPOL",
                                 "nationalTrainers":1,"internationalTrainers":1}""".formatted(course)))
                .andExpect(status().isCreated()));
        String page = french(multipart("/capacity/events/{id}/roster", event)
                .file(new MockMultipartFile(
                        "file",
                        "roster.csv",
                        "text/csv",
                        "service_number,sex\nSN-%s,Q\n".formatted(tag).getBytes(StandardCharsets.UTF_8))));
        assertThat(page)
                .contains("roster-problems")
                .contains("doit être F, M ou OTHER")
                .doesNotContain("must be F, M or OTHER");
    }

    /** Organisation units are changed through the API only; their problems still carry French texts. */
    @Test
    void aRefusedOrganisationUnitHasFrenchTexts() {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> geography.createOrgUnit(new OrgUnitCommand("OU-" + tag, "Unit", OrgUnitKind.AREA, null, "ZZZ")));
        assertThat(e.getMessage()).contains("'ZZZ' is not a known country");
        Map<String, String> french = FormErrors.of(e, messages, Locale.FRENCH);
        assertThat(french).containsEntry("countryCode", "« ZZZ » n'est pas un pays connu");
        InvalidInputException orphan = catchThrowableOfType(
                InvalidInputException.class,
                () -> geography.createOrgUnit(new OrgUnitCommand("OU-" + tag, "Unit", OrgUnitKind.AREA, null, null)));
        assertThat(FormErrors.of(orphan, messages, Locale.FRENCH))
                .containsEntry("countryCode", "est obligatoire pour une unité sans unité parente");
    }

    /** The page, asked in French by the administrator. */
    private <B extends AbstractMockHttpServletRequestBuilder<B>> String french(B request) throws Exception {
        return mvc.perform(request.param("lang", "fr")
                        .with(user(userDetails.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A text as the pages write it (apostrophes escaped). */
    private static String html(String text) {
        return text.replace("'", "&#39;");
    }

    private static MockMultipartFile xml(String document) {
        return new MockMultipartFile(
                "file", "activities.xml", "application/xml", document.getBytes(StandardCharsets.UTF_8));
    }
}
