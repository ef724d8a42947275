package org.bluehelm.measurement;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class DataValueApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService userDetails;

    private ResultActions record(String json) throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions batch(String json) throws Exception {
        return mvc.perform(post("/api/v1/dataValues/batch")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions listFor(long indicator) throws Exception {
        return mvc.perform(get("/api/v1/dataValues")
                .param("indicator", String.valueOf(indicator))
                .with(admin()));
    }

    @Test
    void monthsOfOneYearAreChangedAndDeletedEachAtItsOwnVersion() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\""));
        String value = """
                {"indicatorId":%d,"orgUnitId":%d,"period":"%s","value":%d%s}""";
        long january = id(record(value.formatted(indicator, unit, "202401", 5, ""))
                .andExpect(status().isCreated())
                .andReturn());
        long february = id(record(value.formatted(indicator, unit, "202402", 6, ""))
                .andExpect(status().isCreated())
                .andReturn());

        // two people each change a different month of the year: neither change is refused
        record(value.formatted(indicator, unit, "202401", 7, ",\"version\":1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(january))
                .andExpect(jsonPath("$.version").value(2));
        record(value.formatted(indicator, unit, "202402", 8, ",\"version\":1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(february))
                .andExpect(jsonPath("$.version").value(2));
        // the same month at a version already replaced is
        mvc.perform(delete("/api/v1/dataValues/{id}", january)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/dataValues/{id}", january)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
        listFor(indicator)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].period").value("202402"))
                .andExpect(jsonPath("$.items[0].value").value(8))
                .andExpect(jsonPath("$.items[0].version").value(2));
        mvc.perform(get("/api/v1/dataValues/{id}", january).with(admin())).andExpect(status().isNotFound());

        // the year's last value gone, it can be recorded again from scratch
        mvc.perform(delete("/api/v1/dataValues/{id}", february)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
        listFor(indicator).andExpect(jsonPath("$.total").value(0));
        record(value.formatted(indicator, unit, "202402", 9, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1));
        listFor(indicator)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value(9));
    }

    @Test
    void aValueIsCreatedThenReplacedOnlyWithItsCurrentVersion() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(
                mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
        String value = """
                {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q1","value":%s,"comment":"%s"%s}""";

        long id = id(record(value.formatted(indicator, unit, "120", "first count", ""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/api/v1/dataValues/")))
                .andExpect(jsonPath("$.value").value(120))
                .andExpect(jsonPath("$.period").value("2024Q1"))
                .andExpect(jsonPath("$.periodType").value("QUARTERLY"))
                .andExpect(jsonPath("$.startDate").value("2024-01-01"))
                .andExpect(jsonPath("$.endDate").value("2024-03-31"))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.optionCode").doesNotExist())
                .andExpect(jsonPath("$.storedBy").value("admin"))
                .andExpect(jsonPath("$.storedAt").exists())
                .andReturn());

        record(value.formatted(indicator, unit, "130", "again", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        record(value.formatted(indicator, unit, "130", "recount", ",\"version\":1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.value").value(130))
                .andExpect(jsonPath("$.version").value(2));
        record(value.formatted(indicator, unit, "140", "late", ",\"version\":1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));

        mvc.perform(put("/api/v1/dataValues/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":135,\"version\":2}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.value").value(135))
                .andExpect(jsonPath("$.comment").doesNotExist());
        mvc.perform(put("/api/v1/dataValues/{id}", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":136,\"version\":2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/dataValues/{id}", id)
                        .with(admin())
                        .header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":13.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));

        record("""
                        {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q2","optionCode":"female","value":70}""".formatted(indicator, unit))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.categoryCode").value("SEX"))
                .andExpect(jsonPath("$.optionCode").value("FEMALE"));
        record("""
                        {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q2","categoryCode":"SEX","optionCode":"MALE","value":65}""".formatted(indicator, unit)).andExpect(status().isCreated());
        listFor(indicator)
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].optionCode", hasItem("MALE")));
        mvc.perform(get("/api/v1/dataValues/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.value").value(135));

        mvc.perform(delete("/api/v1/dataValues/{id}", id).param("version", "2").with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/dataValues/{id}", id).param("version", "3").with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/dataValues/{id}", id).with(admin())).andExpect(status().isNotFound());
        listFor(indicator).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void aUnitAndPeriodHoldEitherATotalOrABreakdownSoAggregatesNeverCountTwice() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(
                mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
        String value = """
                {"indicatorId":%d,"orgUnitId":%d,"period":"%s","value":%d%s}""";
        String female = ",\"optionCode\":\"FEMALE\"";
        String male = ",\"optionCode\":\"MALE\"";

        // a breakdown, then a total beside it: refused, the breakdown kept
        record(value.formatted(indicator, unit, "2024Q1", 10, female)).andExpect(status().isCreated());
        record(value.formatted(indicator, unit, "2024Q1", 20, male)).andExpect(status().isCreated());
        record(value.formatted(indicator, unit, "2024Q1", 30, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("optionCode"))
                .andExpect(jsonPath("$.errors[0].message", containsString("either the total or one breakdown")));
        // a batch with the total and its breakdown: refused, nothing written
        batch("{\"values\":[" + value.formatted(indicator, unit, "2024Q2", 30, "") + ","
                        + value.formatted(indicator, unit, "2024Q2", 10, female) + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values[0].optionCode"));
        listFor(indicator).andExpect(jsonPath("$.total").value(2));
        analytics(indicator, unit, "2024Q1")
                .andExpect(jsonPath("$.rows[0].value").value(30));

        // a total elsewhere, and an import adding a breakdown beside it: a conflict naming the line
        record(value.formatted(indicator, unit, "2024Q3", 25, "")).andExpect(status().isCreated());
        String csv = """
                dataElement,period,orgUnit,categoryOptionCombo,value
                %d,2024Q4,%d,,40
                %d,2024Q3,%d,FEMALE,12
                """.formatted(indicator, unit, indicator, unit);
        importCsv(csv)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(3))
                .andExpect(jsonPath("$.conflicts[0].field").value("categoryOptionCombo"))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("2024Q3")));
        // and a file giving a total and a breakdown of the same unit and period: both lines named
        importCsv("""
                        dataElement,period,orgUnit,categoryOptionCombo,value
                        %d,2024Q4,%d,,40
                        %d,2024Q4,%d,MALE,15
                        """.formatted(indicator, unit, indicator, unit))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[*].line", contains(2, 3)));
        listFor(indicator).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void aFirstImportOfAnIndicatorGivingACellATotalAndABreakdownIsRefusedAndTwoOptionsAreNot() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long other = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(
                mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));

        // each cell a total or one category's options
        String cellsOfOneGroup = """
                dataElement,period,orgUnit,categoryOptionCombo,value
                %1$d,2024Q1,%2$d,FEMALE,4
                %1$d,2024Q1,%3$d,,40
                %1$d,2024Q2,%2$d,,5
                %1$d,2024Q1,%2$d,MALE,6
                """.formatted(indicator, unit, other);

        // nothing stored yet: a sixth line gives the total of line 4 a breakdown beside it
        importCsv(cellsOfOneGroup + "%d,2024Q2,%d,FEMALE,7\n".formatted(indicator, unit))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[*].line", contains(4, 6)))
                .andExpect(jsonPath("$.conflicts[*].field", everyItem(is("categoryOptionCombo"))))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("2024Q2")));
        listFor(indicator).andExpect(jsonPath("$.total").value(0));

        // without it: all written
        importCsv(cellsOfOneGroup)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(4));
        analytics(indicator, unit, "2024Q1")
                .andExpect(jsonPath("$.rows[0].value").value(10));
    }

    @Test
    void valuesCountedTwiceBeforeTheRuleAreListedUntilOneSideIsRemoved() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        String code = "dbl_" + unique();
        long indicator = id(createIndicator(
                mvc,
                admin(),
                "\"code\":\"" + code
                        + "\",\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
        String value = """
                {"indicatorId":%d,"orgUnitId":%d,"period":"2023Q2","value":%d,"optionCode":"%s"}""";
        record(value.formatted(indicator, unit, 10, "FEMALE")).andExpect(status().isCreated());
        record(value.formatted(indicator, unit, 20, "MALE")).andExpect(status().isCreated());
        String cell = "$.items[?(@.indicatorId == " + indicator + ")]";
        doubleCounted().andExpect(status().isOk()).andExpect(jsonPath(cell).isEmpty());

        // a total beside the breakdown, as data recorded before writes refused it
        jdbc.sql("""
                        insert into data_block (indicator_id, org_unit_id, option_id, option_key, period_type,
                                                block_year, mission_id, country_code, filled, vals, versions,
                                                stored_by, stored_at, comments)
                        select indicator_id, org_unit_id, null, 0, period_type, block_year, mission_id, country_code, 1,
                               block_put_numeric(null, 4, array[2], array[cast(30 as numeric(20, 6))]),
                               block_put_integer(null, 4, array[2], array[1]),
                               block_put_text(null, 4, array[2], array[cast('test' as varchar(64))]),
                               block_put_time(null, 4, array[2], array[current_timestamp]),
                               block_put_text(null, 4, array[2], array[cast(null as varchar(1000))])
                          from data_block where indicator_id = :indicator and period_type = 'QUARTERLY'
                           and block_year = 2023 and vals[2] is not null
                         order by id limit 1""").param("indicator", indicator).update();
        doubleCounted()
                .andExpect(jsonPath(cell + ".indicatorCode", contains(code)))
                .andExpect(jsonPath(cell + ".period", contains("2023Q2")))
                .andExpect(jsonPath(cell + ".orgUnitId", contains((int) unit)))
                .andExpect(jsonPath(cell + ".values", contains(3)));
        // the steward's page lists it with a link to its grid
        mvc.perform(get("/data-entry/double-counted").with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("orgUnit=" + unit + "&amp;period=2023Q2")));

        // the total removed: counted once again, and no longer listed
        long total = jdbc.sql("select id from data_value where indicator_id = :indicator and option_id is null")
                .param("indicator", indicator)
                .query(Long.class)
                .single();
        mvc.perform(delete("/api/v1/dataValues/" + total).param("version", "1").with(admin()))
                .andExpect(status().isNoContent());
        doubleCounted().andExpect(jsonPath(cell).isEmpty());
        mvc.perform(get("/api/v1/dataValues/doubleCounted")
                        .param("sort", "bogus")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    private ResultActions doubleCounted() throws Exception {
        return mvc.perform(
                get("/api/v1/dataValues/doubleCounted").param("size", "200").with(admin()));
    }

    @Test
    void aRatioTakesNoValuesOfItsOwnAndAStoredValueKeepsItsKey() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        String numeratorCode = "num_" + unique();
        long numerator =
                id(createIndicator(mvc, admin(), "\"code\":\"" + numeratorCode + "\",\"countryCode\":\"LBR\""));
        long denominator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long ratio = id(createIndicator(
                mvc,
                admin(),
                "\"countryCode\":\"LBR\",\"aggregation\":\"RATIO\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(numerator, denominator)));

        record("""
                        {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q1","value":2}""".formatted(ratio, unit))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicatorId"))
                .andExpect(jsonPath("$.errors[0].message", containsString(numeratorCode)));
        importCsv("""
                        dataElement,period,orgUnit,categoryOptionCombo,value
                        %d,2024Q1,%d,,2
                        """.formatted(ratio, unit))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("dataElement"));
        listFor(ratio).andExpect(jsonPath("$.total").value(0));

        long stored = id(record("""
                        {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q1","value":7}""".formatted(numerator, unit))
                .andExpect(status().isCreated())
                .andReturn());
        mvc.perform(put("/api/v1/dataValues/{id}", stored)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q2","value":8,"version":1}""".formatted(denominator, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("indicatorId", "period")));
        // the key sent back as read is no change
        mvc.perform(put("/api/v1/dataValues/{id}", stored)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q1","value":8,"version":1}""".formatted(numerator, unit)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicatorId").value(numerator))
                .andExpect(jsonPath("$.period").value("2024Q1"))
                .andExpect(jsonPath("$.value").value(8));
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/dataValueSets")
                .with(admin())
                .param("idScheme", "ID")
                .contentType("text/csv")
                .content(csv));
    }

    private ResultActions analytics(long indicator, long unit, String period) throws Exception {
        return mvc.perform(get("/api/v1/analytics")
                        .with(admin())
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(unit))
                        .param("from", period)
                        .param("to", period))
                .andExpect(status().isOk());
    }

    @Test
    void everyWrongValueIsNamedAndNothingIsWritten() throws Exception {
        long liberia = orgUnit(mvc, "LBR");
        long ivoryCoast = orgUnit(mvc, "CIV");
        long integer = id(
                createIndicator(
                        mvc,
                        admin(),
                        "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"minValue\":0,\"maxValue\":500,\"categories\":[\"SEX\"]"));
        long yesNo = id(createIndicator(mvc, admin(), "\"valueType\":\"BOOLEAN\",\"countryCode\":\"LBR\""));
        long share = id(createIndicator(mvc, admin(), "\"valueType\":\"PERCENTAGE\",\"countryCode\":\"LBR\""));
        String template = "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s%s}";

        record(template.formatted(999999999L, liberia, "2024", "1", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicatorId"));
        record(template.formatted(integer, 999999999L, "2024", "1", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnitId"));
        record(template.formatted(integer, ivoryCoast, "2024", "1", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnitId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("CIV")));
        record(template.formatted(integer, liberia, "2024M13", "1", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        record(template.formatted(integer, liberia, "2024", "1", ",\"optionCode\":\"NATIONAL\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("optionCode"));
        record(template.formatted(integer, liberia, "2024", "1", ",\"categoryCode\":\"AGE\",\"optionCode\":\"FEMALE\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        record(template.formatted(yesNo, liberia, "2024", "1", ",\"optionCode\":\"FEMALE\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("optionCode"));
        record(template.formatted(integer, liberia, "2024", "2.5", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message", containsString("whole")));
        record(template.formatted(integer, liberia, "2024", "501", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 500"));
        record(template.formatted(yesNo, liberia, "2024", "2", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        record(template.formatted(share, liberia, "2024", "100.5", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        record(template.formatted(share, liberia, "2024", "\"many\"", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        record("{\"comment\":\"nothing else\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicatorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("period")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("value")));

        listFor(integer).andExpect(jsonPath("$.total").value(0));
        listFor(yesNo).andExpect(jsonPath("$.total").value(0));
        listFor(share).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aBatchIsWrittenWhollyOrNotAtAll() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\""));
        String row = "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s%s}";

        batch("{\"values\":[%s,%s,%s]}"
                        .formatted(
                                row.formatted(indicator, unit, "202401", "10", ""),
                                row.formatted(indicator, unit, "202402", "10.5", ""),
                                row.formatted(indicator, unit, "202403", "12", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("values[1].value"));
        listFor(indicator).andExpect(jsonPath("$.total").value(0));

        batch("{\"values\":[%s,%s,%s]}"
                        .formatted(
                                row.formatted(indicator, unit, "202401", "10", ""),
                                row.formatted(indicator, unit, "2024-02", "11", ""),
                                row.formatted(indicator, unit, "202401", "12", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("values[1].period")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values[2].period")));

        batch("{\"values\":[%s,%s,%s]}"
                        .formatted(
                                row.formatted(indicator, unit, "202401", "10", ""),
                                row.formatted(indicator, unit, "202402", "11", ""),
                                row.formatted(indicator, unit, "202403", "12", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.values", hasSize(3)));
        listFor(indicator).andExpect(jsonPath("$.total").value(3));

        // one stale version among new values: nothing of the batch is written
        batch("{\"values\":[%s,%s]}"
                        .formatted(
                                row.formatted(indicator, unit, "202404", "13", ""),
                                row.formatted(indicator, unit, "202401", "20", ",\"version\":7")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"))
                .andExpect(jsonPath("$.detail", containsString("values[1]")));
        listFor(indicator).andExpect(jsonPath("$.total").value(3));

        batch("{\"values\":[%s,%s]}"
                        .formatted(
                                row.formatted(indicator, unit, "202404", "13", ""),
                                row.formatted(indicator, unit, "202401", "20", ",\"version\":1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1));
        batch("{\"values\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values"));
    }

    @Test
    void valuesAreListedByUnitSubtreeAndPeriod() throws Exception {
        long county = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, county);
        long elsewhere = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        String row = "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}";
        batch("{\"values\":[%s,%s,%s,%s]}"
                        .formatted(
                                row.formatted(indicator, county, "2023", "1"),
                                row.formatted(indicator, district, "2024Q2", "2"),
                                row.formatted(indicator, district, "20240615", "3"),
                                row.formatted(indicator, elsewhere, "2024W10", "4")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("within", String.valueOf(county))
                        .param("sort", "-period")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].period").value("20240615"));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(district))
                        .param("periodType", "QUARTERLY")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value(2));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("from", "2024-01-01")
                        .param("to", "2024-06-30")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].period", hasItem("2024W10")));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("period", "2023")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/dataValues").param("period", "2023Q9").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/dataValues").param("sort", "comment").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void anIndicatorWithDataValuesCannotBeDeleted() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        record("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"value\":5}".formatted(indicator, unit))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/indicators/{id}", indicator)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("integrity"));
        mvc.perform(get("/api/v1/indicators/{id}", indicator).with(admin())).andExpect(status().isOk());
        listFor(indicator).andExpect(jsonPath("$.total").value(1));
        String unused = "unused_" + unique();
        long other = id(createIndicator(mvc, admin(), "\"code\":\"%s\"".formatted(unused)));
        mvc.perform(delete("/api/v1/indicators/{id}", other)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isNoContent());
    }
}
