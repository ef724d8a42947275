package org.bluehelm.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Lessons learned through the API: validation, optimistic locking, search in English and French
 * across languages with facets and escaped, highlighted snippets, the index following changes,
 * restricted lessons, the starter set and the suggestions for a programme.
 */
@IntegrationTest
class LessonIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    LessonIndexer indexer;

    @Autowired
    JdbcClient jdbc;

    /** A tag no other test uses, so that searches can be narrowed to this test's lessons. */
    private final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aLessonIsValidatedAndChangedOnlyFromTheVersionRead() throws Exception {
        create(admin(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "lesson", "source", "language")));
        create(admin(), """
                        {"title":"x","lesson":"y","source":"z","language":"en","countryCode":"XYZ"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
        long unmil = missionId(mvc, "UNMIL");
        ResultActions created = create(admin(), """
                        {"title":"Vetting first %s","lesson":"Vet before training.","source":"Bluehelm summary",
                         "language":"en","missionId":%d,"pillar":"POLICE","dimension":"CAPACITY",
                         "tags":["Vetting, %s"," vetting "]}""".formatted(tag, unmil, tag))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.missionAcronym").value("UNMIL"))
                .andExpect(jsonPath("$.tags", containsInAnyOrder("vetting", tag)));
        long id = id(created);
        String body = """
                {"title":"Vetting first %s","lesson":"Vet before training, then mentor.","source":"Bluehelm summary",
                 "language":"en","missionId":%d,"pillar":"POLICE","tags":["%s"],"version":%%d}""".formatted(tag, unmil, tag);
        mvc.perform(put("/api/v1/lessons/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/lessons/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(1)))
                .andExpect(status().isConflict());
        search("q", "mentor", "tag", tag).andExpect(jsonPath("$.hits[*].id", hasItem((int) id)));
        mvc.perform(delete("/api/v1/lessons/" + id).param("version", "1").with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/lessons/" + id).param("version", "2").with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/lessons/" + id).with(admin())).andExpect(status().isNotFound());
        search("q", "mentor", "tag", tag).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aFrenchQueryFindsFrenchAndEnglishLessonsWithHighlightedEscapedSnippetsAndFacets() throws Exception {
        long french = id(create(admin(), """
                        {"title":"Formation des policiers %s","lesson":"La formation des policiers doit être suivie d'un encadrement <b>sur le terrain</b>.",
                         "source":"Bluehelm","language":"fr","pillar":"POLICE","tags":["%s"]}""".formatted(tag, tag)).andExpect(status().isCreated()));
        long english = id(create(admin(), """
                        {"title":"Police training %s","lesson":"Training police officers works only with mentoring afterwards.",
                         "source":"Bluehelm","language":"en","pillar":"POLICE","tags":["%s"]}""".formatted(tag, tag)).andExpect(status().isCreated()));
        long disarmament = id(create(admin(), """
                        {"title":"Cantonment %s","lesson":"Disarmament must wait until the cantonment sites are ready.",
                         "source":"Bluehelm","language":"en","pillar":"DDR","tags":["%s"]}""".formatted(tag, tag)).andExpect(status().isCreated()));

        String found = search("q", "formation des policiers", "tag", tag)
                .andExpect(jsonPath("$.hits[*].id", hasItem((int) french)))
                .andExpect(jsonPath("$.hits[*].id", hasItem((int) english)))
                .andExpect(jsonPath("$.hits[*].id", not(hasItem((int) disarmament))))
                .andExpect(jsonPath("$.hits[0].id").value((int) french))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String frenchSnippet = JsonPath.<List<String>>read(found, "$.hits[?(@.id == " + french + ")].snippetHtml")
                .get(0);
        assertThat(frenchSnippet)
                .contains("<mark>formation</mark>")
                .contains("<mark>policiers</mark>")
                .contains("&lt;b&gt;sur le terrain&lt;")
                .doesNotContain("<mark>des</mark>")
                .doesNotContain("<b>");
        String englishSnippet = JsonPath.<List<String>>read(found, "$.hits[?(@.id == " + english + ")].snippetHtml")
                .get(0);
        assertThat(englishSnippet).contains("<mark>Training</mark>").contains("<mark>police</mark>");

        search("q", "désarmement", "tag", tag)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].id").value((int) disarmament))
                .andExpect(jsonPath("$.hits[0].snippetHtml", containsString("<mark>Disarmament</mark>")));

        search("tag", tag)
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.facets.pillar[?(@.value == 'POLICE')].count", hasItem(2)))
                .andExpect(jsonPath("$.facets.pillar[?(@.value == 'DDR')].count", hasItem(1)))
                .andExpect(jsonPath("$.facets.language[?(@.value == 'fr')].count", hasItem(1)));
        search("tag", tag, "pillar", "POLICE", "language", "en")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].id").value((int) english));
    }

    @Test
    void aRestrictedLessonIsReadOnlyWithinItsScope() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unosom = missionId(mvc, "UNOSOM II");
        long open = id(create(admin(), """
                        {"title":"Open %s","lesson":"Shared knowledge","source":"s","language":"en","missionId":%d,"tags":["%s"]}""".formatted(tag, unmil, tag)));
        long restricted = id(create(admin(), """
                        {"title":"Restricted %s","lesson":"Sensitive knowledge","source":"s","language":"en","missionId":%d,
                         "restricted":true,"tags":["%s"]}""".formatted(tag, unmil, tag)));
        RequestPostProcessor liberia = userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor somalia = userScopedToMission(mvc, "VIEWER", unosom);
        mvc.perform(get("/api/v1/lessons").param("tag", tag).with(liberia))
                .andExpect(jsonPath("$.hits[*].id", containsInAnyOrder((int) open, (int) restricted)));
        mvc.perform(get("/api/v1/lessons").param("tag", tag).with(somalia))
                .andExpect(jsonPath("$.hits[*].id", containsInAnyOrder((int) open)));
        mvc.perform(get("/api/v1/lessons/" + restricted).with(somalia)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/lessons/" + open).with(somalia)).andExpect(status().isOk());
        RequestPostProcessor somaliaManager = userScopedToMission(mvc, "MISSION_MANAGER", unosom);
        create(somaliaManager, """
                        {"title":"x","lesson":"y","source":"z","language":"en","missionId":%d}""".formatted(unmil)).andExpect(status().isForbidden());
        create(somaliaManager, """
                        {"title":"x","lesson":"y","source":"z","language":"en","missionId":%d,"tags":["%s"]}""".formatted(unosom, tag)).andExpect(status().isCreated());
    }

    @Test
    void theStarterSetIsLoadedWithSourcesAndFoundInBothLanguages() throws Exception {
        search("q", "UNOSOM", "mission", "UNOSOM II")
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.hits[0].source", containsString("Bluehelm summary")));
        search("q", "désarmement", "mission", "UNMIL")
                .andExpect(jsonPath("$.hits[*].language", hasItem("fr")))
                .andExpect(jsonPath("$.hits[*].language", hasItem("en")));
        search("language", "fr").andExpect(jsonPath("$.total", greaterThanOrEqualTo(5)));
    }

    @Test
    void aNewProgrammeGetsTheLessonsOfItsPillarCountryAndText() throws Exception {
        long actor = id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ministry %s\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"
                                .formatted(tag)))
                .andExpect(status().isCreated()));
        long programme = id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"P-%s","name":"Disarmament and reintegration of former fighters","pillar":"DDR",
                                 "countryCode":"LBR","leadActorId":%d,"status":"PLANNED","objectives":"Disarm ex-combatants in cantonment sites"}""".formatted(tag, actor)))
                .andExpect(status().isCreated()));
        mvc.perform(get("/api/v1/lessons/suggestions")
                        .param("programme", String.valueOf(programme))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].pillar").value("DDR"))
                .andExpect(jsonPath("$[0].snippetHtml", containsString("<mark>")));
        mvc.perform(get("/lessons/suggestions")
                        .param("programme", String.valueOf(programme))
                        .header("HX-Request", "true")
                        .with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Start disarmament only when the camps and reinsertion are ready")));
    }

    @Test
    void lessonsAddedChangedOrDeletedByAnotherServerAreFoundOnceTheIndexCatchesUp() throws Exception {
        long changed = id(create(admin(), lesson("Mentoring of the border police", "POLICE")));
        long deleted = id(create(admin(), lesson("Prison census in the counties", "CORRECTIONS")));
        search("tag", tag).andExpect(jsonPath("$.total").value(2));

        // another server shares the database but not this one's index: its writes reach no listener here
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into lesson (title, lesson_text, country_code, pillar, tags, source, language,
                               created_by, created_at, updated_by, updated_at, version)
                        values ('Vetting boards for the judiciary', 'Vetting boards need civil society observers.',
                               'LBR', 'JUSTICE', :tag, 'Mission report', 'en', 'admin', current_timestamp, 'admin',
                               current_timestamp, 1)
                        """).param("tag", tag).update(key, "id");
        long added = Objects.requireNonNull(key.getKey()).longValue();
        jdbc.sql("update lesson set lesson_text = 'Coaching at the crossings beats classroom courses.',"
                        + " version = version + 1 where id = :id")
                .param("id", changed)
                .update();
        jdbc.sql("delete from lesson where id = :id").param("id", deleted).update();

        search("tag", tag).andExpect(jsonPath("$.total").value(2));
        search("q", "vetting", "tag", tag).andExpect(jsonPath("$.total").value(0));

        assertThat(indexer.catchUp()).isEqualTo(3);

        search("tag", tag)
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.hits[*].id", containsInAnyOrder((int) added, (int) changed)));
        search("q", "vetting", "tag", tag).andExpect(jsonPath("$.hits[*].id", contains((int) added)));
        search("q", "coaching crossings", "tag", tag).andExpect(jsonPath("$.hits[*].id", contains((int) changed)));
        search("q", "census", "tag", tag).andExpect(jsonPath("$.total").value(0));
        assertThat(indexer.catchUp()).isZero();
    }

    private String lesson(String title, String pillar) {
        return """
                {"title":"%s","lesson":"%s needs months, not weeks.","source":"After-action review",
                 "language":"en","countryCode":"LBR","pillar":"%s","tags":["%s"]}""".formatted(title, title, pillar, tag);
    }

    @Test
    void theSearchScreenNamesPillarsAndDimensionsAsTheLessonDoes() throws Exception {
        create(admin(), """
                        {"title":"Vetting %s","lesson":"Vetting comes before any training of police officers.",
                         "source":"Bluehelm","language":"en","pillar":"POLICE","dimension":"CAPACITY","tags":["%s"]}""".formatted(tag, tag)).andExpect(status().isCreated());
        String page = mvc.perform(get("/lessons").param("tag", tag).with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(">Police</a>")
                .contains(">Capacity and professionalism</a>")
                .contains("· Police")
                .doesNotContain(">POLICE</a>")
                .doesNotContain(">CAPACITY</a>")
                .doesNotContain("· POLICE");
    }

    private ResultActions create(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/v1/lessons")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions search(String... params) throws Exception {
        var request = get("/api/v1/lessons").with(admin());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }
}
