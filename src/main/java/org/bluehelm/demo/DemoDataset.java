package org.bluehelm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.institution.InstitutionCommand;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.OversightBodyCommand;
import org.bluehelm.institution.OversightBodyService;
import org.bluehelm.institution.OversightBodyType;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionView;
import org.bluehelm.programme.PartnerRole;
import org.bluehelm.programme.ProgrammeCommand;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeStatus;
import org.bluehelm.programme.ResultLevel;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Liberia demo dataset. Every record it creates is named with the {@code [Demo]} label, its
 * indicator codes start with {@code demo_}, and its values are invented (a seeded random walk around
 * plausible levels): it shows what Bluehelm does, it is not data about Liberia. It is created
 * through the modules' public services, so it obeys every rule real data obeys, and it is recorded
 * in {@code demo_record} so that {@link #remove()} deletes exactly what {@link #load()} made.
 */
@Service
public class DemoDataset {

    static final String LABEL = "[Demo] ";
    private static final int FIRST_YEAR = 2015;
    private static final int LAST_YEAR = 2017;

    private final JdbcClient jdbc;
    private final GeographyService geography;
    private final MissionService missions;
    private final InstitutionService institutions;
    private final OversightBodyService oversightBodies;
    private final ActorService actors;
    private final IndicatorService indicators;
    private final MeasurementService measurements;
    private final ProgrammeService programmes;
    private final Clock clock;

    DemoDataset(
            JdbcClient jdbc,
            GeographyService geography,
            MissionService missions,
            InstitutionService institutions,
            OversightBodyService oversightBodies,
            ActorService actors,
            IndicatorService indicators,
            MeasurementService measurements,
            ProgrammeService programmes,
            Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.missions = missions;
        this.institutions = institutions;
        this.oversightBodies = oversightBodies;
        this.actors = actors;
        this.indicators = indicators;
        this.measurements = measurements;
        this.programmes = programmes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DemoStatus status() {
        long records =
                jdbc.sql("select count(*) from demo_record").query(Long.class).single();
        return jdbc.sql("select state, changed_at, changed_by from demo_dataset where id = 1")
                .query((rs, n) -> new DemoStatus(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), records))
                .optional()
                .orElse(new DemoStatus("NEVER_LOADED", null, null, records));
    }

    /** Creates the dataset; refused when it is already there. */
    @Transactional
    public DemoStatus load() {
        if ("LOADED".equals(status().state())) {
            throw new ConflictException("demo-loaded", "The demo dataset is already loaded");
        }
        MissionView unmil =
                missions.findByAcronym("UNMIL").orElseThrow(() -> new NotFoundException("Mission", "UNMIL"));
        long mission = unmil.id();

        // Areas: the country and five of its fifteen counties (real names; the figures are invented).
        OrgUnitView liberia = orgUnit("DEMO-LBR", "Liberia", null);
        Map<String, OrgUnitView> counties = new LinkedHashMap<>();
        for (String[] c : new String[][] {
            {"MO", "Montserrado"}, {"NI", "Nimba"}, {"BG", "Bong"}, {"LO", "Lofa"}, {"GB", "Grand Bassa"}
        }) {
            counties.put(c[1], orgUnit("DEMO-LBR-" + c[0], c[1] + " County", liberia.id()));
        }

        long police = institution("Liberia National Police", "LNP", Pillar.POLICE, mission, 3500, 8000);
        long army = institution("Armed Forces of Liberia", "AFL", Pillar.DEFENCE, mission, 2000, 2100);
        long courts = institution("Judiciary of Liberia", null, Pillar.JUSTICE, mission, 0, 0);
        long prisons =
                institution("Bureau of Corrections and Rehabilitation", "BCR", Pillar.CORRECTIONS, mission, 300, 650);
        institution("Ministry of Justice", "MOJ", Pillar.GOVERNANCE, mission, 0, 0);

        oversightBody(
                "Independent National Commission on Human Rights",
                OversightBodyType.NATIONAL_HUMAN_RIGHTS_INSTITUTION,
                true,
                LocalDate.of(2010, 9, 1),
                List.of(police, army, prisons));
        oversightBody(
                "Senate Committee on Defense and Security",
                OversightBodyType.PARLIAMENTARY_COMMITTEE,
                true,
                null,
                List.of(police, army));
        oversightBody(
                "LNP Professional Standards Division", OversightBodyType.INSPECTORATE, false, null, List.of(police));
        oversightBody("Judicial Inquiry Commission", OversightBodyType.JUDICIAL, true, null, List.of(courts));

        long unpol = actor("UNMIL Police Component", ActorType.MISSION_COMPONENT, mission);
        long ssrUnit = actor("UNMIL Security Sector Reform Advisory Unit", ActorType.MISSION_COMPONENT, mission);
        long corrections = actor("UNMIL Corrections Advisory Unit", ActorType.MISSION_COMPONENT, mission);
        long justiceMinistry = actor("Ministry of Justice", ActorType.HOST_MINISTRY, null);
        long defenceMinistry = actor("Ministry of National Defense", ActorType.HOST_MINISTRY, null);
        long civilSociety =
                actor("Civil society security monitoring network", ActorType.CIVIL_SOCIETY_ORGANISATION, null);

        List<OrgUnitView> areas = new ArrayList<>(counties.values());
        IndicatorView trained = indicator(
                "demo_police_trained_community",
                "Police officers trained in community policing",
                "persons",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.HIGHER_IS_BETTER,
                Dimension.CAPACITY,
                Pillar.POLICE,
                List.of("SEX"),
                areas,
                0,
                60);
        IndicatorView national = indicator(
                "demo_courses_national_trainers",
                "Share of police courses delivered by national trainers",
                "%",
                ValueType.PERCENTAGE,
                Aggregation.AVERAGE,
                Direction.HIGHER_IS_BETTER,
                Dimension.OWNERSHIP,
                Pillar.POLICE,
                List.of(),
                areas,
                20,
                80);
        IndicatorView received = indicator(
                "demo_complaints_received",
                "Complaints against police received",
                "complaints",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.LOWER_IS_BETTER,
                Dimension.ACCOUNTABILITY,
                Pillar.POLICE,
                List.of(),
                areas,
                30,
                20);
        IndicatorView resolved = indicator(
                "demo_complaints_resolved",
                "Complaints against police resolved",
                "complaints",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.HIGHER_IS_BETTER,
                Dimension.ACCOUNTABILITY,
                Pillar.POLICE,
                List.of(),
                areas,
                10,
                18);
        indicator(new IndicatorCommand(
                "demo_complaint_resolution_rate",
                LABEL + "Complaint resolution rate",
                LABEL + "Complaints resolved over complaints received in the same period and area.",
                "ratio",
                ValueType.NUMBER,
                null,
                null,
                Aggregation.RATIO,
                resolved.id(),
                received.id(),
                Direction.HIGHER_IS_BETTER,
                Dimension.ACCOUNTABILITY,
                Pillar.POLICE,
                mission,
                "LBR",
                List.of(),
                List.of()));
        IndicatorView pretrial = indicator(
                "demo_pretrial_detention_share",
                "Share of prisoners in pre-trial detention",
                "%",
                ValueType.PERCENTAGE,
                Aggregation.AVERAGE,
                Direction.LOWER_IS_BETTER,
                Dimension.RIGHTS,
                Pillar.CORRECTIONS,
                List.of(),
                areas,
                80,
                50);
        IndicatorView soldiers = indicator(
                "demo_afl_human_rights_trained",
                "Soldiers trained in human rights law",
                "persons",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.HIGHER_IS_BETTER,
                Dimension.RIGHTS,
                Pillar.DEFENCE,
                List.of(),
                List.of(counties.get("Montserrado")),
                0,
                150);
        IndicatorView hearings = indicator(
                "demo_oversight_hearings",
                "Oversight hearings on the security sector held",
                "hearings",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.HIGHER_IS_BETTER,
                Dimension.OVERSIGHT,
                Pillar.OVERSIGHT,
                List.of(),
                List.of(counties.get("Montserrado")),
                1,
                4);
        IndicatorView cases = indicator(
                "demo_cases_adjudicated",
                "Criminal cases adjudicated",
                "cases",
                ValueType.INTEGER,
                Aggregation.SUM,
                Direction.HIGHER_IS_BETTER,
                Dimension.CAPACITY,
                Pillar.JUSTICE,
                List.of(),
                areas,
                40,
                90);

        List<Long> countyIds = areas.stream().map(OrgUnitView::id).toList();
        programme(
                "LBR-DEMO-POL",
                "Community policing and police accountability",
                Pillar.POLICE,
                mission,
                unpol,
                List.of(
                        new ProgrammeCommand.Partner(justiceMinistry, PartnerRole.COORDINATING),
                        new ProgrammeCommand.Partner(civilSociety, PartnerRole.MONITORING)),
                "4500000",
                countyIds,
                List.of(police),
                List.of(
                        result(
                                "OC1",
                                ResultLevel.OUTCOME,
                                "Police serve communities professionally and accountably",
                                null,
                                List.of(received.id(), resolved.id())),
                        result(
                                "OP1.1",
                                ResultLevel.OUTPUT,
                                "Officers trained in community policing",
                                "OC1",
                                List.of(trained.id())),
                        result(
                                "OP1.2",
                                ResultLevel.OUTPUT,
                                "Police courses delivered by national trainers",
                                "OC1",
                                List.of(national.id()))));
        programme(
                "LBR-DEMO-DEF",
                "Human rights in the armed forces",
                Pillar.DEFENCE,
                mission,
                defenceMinistry,
                List.of(new ProgrammeCommand.Partner(ssrUnit, PartnerRole.TECHNICAL_ADVISER)),
                "1200000",
                List.of(counties.get("Montserrado").id()),
                List.of(army),
                List.of(
                        result(
                                "OC1",
                                ResultLevel.OUTCOME,
                                "Soldiers respect international humanitarian and human rights law",
                                null,
                                List.of()),
                        result(
                                "OP1.1",
                                ResultLevel.OUTPUT,
                                "Soldiers trained in human rights law",
                                "OC1",
                                List.of(soldiers.id()))));
        programme(
                "LBR-DEMO-JUS",
                "Access to justice and case management",
                Pillar.JUSTICE,
                mission,
                justiceMinistry,
                List.of(new ProgrammeCommand.Partner(ssrUnit, PartnerRole.TECHNICAL_ADVISER)),
                "2800000",
                countyIds,
                List.of(courts),
                List.of(result(
                        "OC1",
                        ResultLevel.OUTCOME,
                        "Criminal cases are heard without undue delay",
                        null,
                        List.of(cases.id()))));
        programme(
                "LBR-DEMO-COR",
                "Reducing pre-trial detention",
                Pillar.CORRECTIONS,
                mission,
                corrections,
                List.of(new ProgrammeCommand.Partner(justiceMinistry, PartnerRole.IMPLEMENTING)),
                "900000",
                countyIds,
                List.of(prisons),
                List.of(result(
                        "OC1",
                        ResultLevel.OUTCOME,
                        "Fewer people held in prolonged pre-trial detention",
                        null,
                        List.of(pretrial.id()))));
        programme(
                "LBR-DEMO-OVS",
                "Civilian oversight of the security sector",
                Pillar.OVERSIGHT,
                mission,
                ssrUnit,
                List.of(new ProgrammeCommand.Partner(civilSociety, PartnerRole.MONITORING)),
                "650000",
                List.of(counties.get("Montserrado").id()),
                List.of(police, army),
                List.of(result(
                        "OC1",
                        ResultLevel.OUTCOME,
                        "The legislature scrutinises the security sector",
                        null,
                        List.of(hearings.id()))));

        Random random = new Random(2003);
        List<DataValueCommand> values = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (int q = 1; q <= 4; q++) {
                String period = Period.quarter(year, q).id();
                double t = ((year - FIRST_YEAR) * 4 + q - 1) / 11.0; // 0 .. 1 over the three years
                int countyIndex = 0;
                for (OrgUnitView county : areas) {
                    double size = countyIndex == 0 ? 2.5 : 1.0 - countyIndex * 0.1; // Montserrado is largest
                    int female = (int) Math.round((4 + 10 * t) * size + random.nextInt(4));
                    int male = (int) Math.round((15 + 25 * t) * size + random.nextInt(8));
                    values.add(value(trained, county, period, "FEMALE", female));
                    values.add(value(trained, county, period, "MALE", male));
                    values.add(value(national, county, period, null, clamp(20 + 45 * t + random.nextInt(10), 0, 100)));
                    int in = (int) Math.round((25 - 6 * t) * size + random.nextInt(6));
                    values.add(value(received, county, period, null, in));
                    values.add(value(resolved, county, period, null, Math.min(in, (int)
                            Math.round(in * (0.35 + 0.35 * t)))));
                    values.add(value(pretrial, county, period, null, clamp(78 - 18 * t + random.nextInt(6), 0, 100)));
                    values.add(value(
                            cases, county, period, null, (int) Math.round((35 + 40 * t) * size + random.nextInt(10))));
                    if (countyIndex == 0) {
                        values.add(value(
                                soldiers, county, period, null, (int) Math.round(20 + 30 * t + random.nextInt(15))));
                        values.add(value(hearings, county, period, null, 1 + random.nextInt(3)));
                    }
                    countyIndex++;
                }
            }
        }
        measurements.recordBatch(values);
        jdbc.sql("delete from demo_dataset").update();
        jdbc.sql("insert into demo_dataset (id, state, changed_at, changed_by) values (1, 'LOADED', :at, :by)")
                .param("at", OffsetDateTime.now(clock))
                .param("by", AccessScope.current().username())
                .update();
        return status();
    }

    /** Deletes everything the dataset created, newest first, and remembers not to load it again. */
    @Transactional
    public DemoStatus remove() {
        if (!"LOADED".equals(status().state())) {
            throw new ConflictException("demo-not-loaded", "The demo dataset is not loaded");
        }
        List<Object[]> records = jdbc.sql("select kind, record_id from demo_record order by seq desc")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        for (Object[] r : records) {
            long id = (Long) r[1];
            switch ((String) r[0]) {
                case "PROGRAMME" -> programmes.delete(id, programmes.get(id).version());
                case "INDICATOR" -> {
                    measurements.deleteAllOf(id);
                    indicators.delete(id, indicators.get(id).version());
                }
                case "ACTOR" -> actors.delete(id, actors.get(id).version());
                case "OVERSIGHT_BODY" ->
                    oversightBodies.delete(id, oversightBodies.get(id).version());
                case "INSTITUTION" ->
                    institutions.delete(id, institutions.get(id).version());
                case "ORG_UNIT" ->
                    geography.deleteOrgUnit(id, geography.orgUnit(id).version());
                default -> throw new IllegalStateException("unknown demo record kind " + r[0]);
            }
        }
        jdbc.sql("delete from demo_record").update();
        jdbc.sql("delete from demo_dataset").update();
        jdbc.sql("insert into demo_dataset (id, state, changed_at, changed_by) values (1, 'REMOVED', :at, :by)")
                .param("at", OffsetDateTime.now(clock))
                .param("by", AccessScope.current().username())
                .update();
        return status();
    }

    boolean neverLoaded() {
        return "NEVER_LOADED".equals(status().state());
    }

    private OrgUnitView orgUnit(String code, String name, @Nullable Long parent) {
        OrgUnitView unit = geography.createOrgUnit(
                new OrgUnitCommand(code, LABEL + name, OrgUnitKind.AREA, parent, parent == null ? "LBR" : null));
        record("ORG_UNIT", unit.id());
        return unit;
    }

    private long institution(String name, @Nullable String acronym, Pillar pillar, long mission, int from, int to) {
        List<InstitutionCommand.Strength> strength = new ArrayList<>();
        if (to > 0) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int authorised = from + (to - from) * (year - FIRST_YEAR + 1) / (LAST_YEAR - FIRST_YEAR + 1);
                strength.add(new InstitutionCommand.Strength(year, authorised, authorised * 92 / 100));
            }
        }
        long id = institutions
                .create(new InstitutionCommand(
                        LABEL + name,
                        acronym,
                        pillar,
                        "LBR",
                        mission,
                        null,
                        null,
                        "Demo record: the figures are invented.",
                        strength))
                .id();
        record("INSTITUTION", id);
        return id;
    }

    private void oversightBody(
            String name,
            OversightBodyType type,
            boolean independent,
            @Nullable LocalDate established,
            List<Long> overseen) {
        long id = oversightBodies
                .create(new OversightBodyCommand(
                        LABEL + name,
                        type,
                        "LBR",
                        null,
                        "Demo record: oversees the institutions listed.",
                        independent,
                        established,
                        overseen))
                .id();
        record("OVERSIGHT_BODY", id);
    }

    private long actor(String name, ActorType type, @Nullable Long mission) {
        long id = actors.create(new ActorCommand(LABEL + name, null, null, type, "LBR", mission, null, "Demo record."))
                .id();
        record("ACTOR", id);
        return id;
    }

    private void programme(
            String code,
            String name,
            Pillar pillar,
            long mission,
            long lead,
            List<ProgrammeCommand.Partner> partners,
            String budget,
            List<Long> locations,
            List<Long> supported,
            List<ProgrammeCommand.Result> results) {
        long id = programmes
                .create(new ProgrammeCommand(
                        code,
                        LABEL + name,
                        pillar,
                        "Demo programme: its objectives, budget and figures are invented.",
                        "LBR",
                        mission,
                        lead,
                        partners,
                        new BigDecimal(budget),
                        "USD",
                        LocalDate.of(FIRST_YEAR, 1, 1),
                        LocalDate.of(LAST_YEAR + 1, 12, 31),
                        ProgrammeStatus.COMPLETED,
                        locations,
                        supported,
                        results))
                .id();
        record("PROGRAMME", id);
    }

    private static ProgrammeCommand.Result result(
            String code, ResultLevel level, String title, @Nullable String parent, List<Long> indicatorIds) {
        return new ProgrammeCommand.Result(code, level, title, null, parent, indicatorIds);
    }

    private IndicatorView indicator(
            String code,
            String name,
            String unit,
            ValueType type,
            Aggregation aggregation,
            Direction direction,
            Dimension dimension,
            Pillar pillar,
            List<String> categories,
            List<OrgUnitView> areas,
            double baseline,
            double target) {
        long mission = missions.findByAcronym("UNMIL").orElseThrow().id();
        List<IndicatorCommand.BenchmarkCommand> benchmarks = new ArrayList<>();
        for (OrgUnitView area : areas) {
            benchmarks.add(new IndicatorCommand.BenchmarkCommand(
                    BenchmarkKind.BASELINE, area.id(), FIRST_YEAR - 1 + "", decimal(baseline)));
            benchmarks.add(new IndicatorCommand.BenchmarkCommand(
                    BenchmarkKind.TARGET, area.id(), LAST_YEAR + 1 + "", decimal(target)));
        }
        return indicator(new IndicatorCommand(
                code,
                LABEL + name,
                LABEL + name + ", per area and period.",
                unit,
                type,
                null,
                null,
                aggregation,
                null,
                null,
                direction,
                dimension,
                pillar,
                mission,
                "LBR",
                categories,
                benchmarks));
    }

    private IndicatorView indicator(IndicatorCommand command) {
        IndicatorView view = indicators.create(command);
        record("INDICATOR", view.id());
        return view;
    }

    private static DataValueCommand value(
            IndicatorView indicator, OrgUnitView area, String period, @Nullable String option, double value) {
        return new DataValueCommand(
                indicator.id(), area.id(), period, option == null ? null : "SEX", option, decimal(value), null, null);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(v == Math.rint(v) ? 0 : 1, RoundingMode.HALF_UP);
    }

    private void record(String kind, long id) {
        jdbc.sql("insert into demo_record (kind, record_id) values (:kind, :id)")
                .param("kind", kind)
                .param("id", id)
                .update();
    }
}
