package org.bluehelm.progress;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.TestApi;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A UNMIL programme with targets, made through the API: a region with two districts and a second
 * area, both locations of the programme, measured by "trained" (higher is better, 100 in 2020 to
 * 200 in 2024 in the region, 10 to 20 in the area) and "complaints" (lower is better, 30 to 20 in
 * the region only). Values are entered quarterly in 2022 at the districts, so the region's figures
 * are their sums: trained 120, 125, 130, 150 (half of the way at the end of 2022); complaints 25 in
 * 2022Q4.
 */
public record ProgrammeWithTargets(
        long mission, long region, long d1, long d2, long area, long trained, long complaints, long programme) {

    /** Makes the programme with the code {@code code} (unique to the test) and the name {@code name}. */
    public static ProgrammeWithTargets create(MockMvc mvc, String code, String name) throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long region = orgUnit(mvc, "LBR");
        long d1 = orgUnitBelow(mvc, region);
        long d2 = orgUnitBelow(mvc, region);
        long area = orgUnit(mvc, "LBR");
        long trained = id(createIndicator(mvc, admin(), """
                "valueType":"INTEGER","direction":"HIGHER_IS_BETTER","missionId":%d,
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":100},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":200},
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":10},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":20}]""".formatted(unmil, region, region, area, area)));
        long complaints = id(createIndicator(mvc, admin(), """
                "valueType":"INTEGER","direction":"LOWER_IS_BETTER","missionId":%d,
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":30},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":20}]""".formatted(unmil, region, region)));
        String[] quarters = {"2022Q1", "2022Q2", "2022Q3", "2022Q4"};
        int[] atD1 = {60, 65, 70, 75};
        int[] atD2 = {60, 60, 60, 75};
        for (int q = 0; q < quarters.length; q++) {
            record(mvc, trained, d1, quarters[q], atD1[q]);
            record(mvc, trained, d2, quarters[q], atD2[q]);
        }
        record(mvc, complaints, d1, "2022Q4", 12);
        record(mvc, complaints, d2, "2022Q4", 13);
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + " ministry " + code
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        long programme = TestApi.id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"%s","pillar":"POLICE","countryCode":"LBR",
                                 "missionId":%d,"leadActorId":%d,"status":"ACTIVE","locationIds":[%d,%d],
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust",
                                             "indicatorIds":[%d,%d]}]}""".formatted(code, name, unmil, lead, region, area, trained, complaints)))
                .andExpect(status().isCreated()));
        return new ProgrammeWithTargets(unmil, region, d1, d2, area, trained, complaints, programme);
    }

    /** Records one value through the API as the administrator. */
    public static void record(MockMvc mvc, long indicator, long unit, String period, int value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%d}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }
}
