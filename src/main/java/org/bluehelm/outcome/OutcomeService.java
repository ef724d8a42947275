package org.bluehelm.outcome;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.mission.DeploymentSource;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome catalogue, the country-year reference panel, the case comparison and the series users
 * upload. Shipped series are public reference data; an uploaded series is seen by its uploader,
 * administrators and data stewards only (others are told it does not exist).
 */
@Service
@Transactional(readOnly = true)
public class OutcomeService {

    public static final int FIRST_YEAR = 1946;
    static final List<String> PKO_COLUMNS = List.of("pko_active", "pko_troops_geopko", "pko_personnel_hks");
    static final String NOTE = "Descriptive figures, not causal estimates: missions go to harder cases, and a change"
            + " during a mission is not its effect.";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CountryCodes codes;
    private final MissionService missions;
    private final AuditLog audit;

    OutcomeService(
            JdbcClient jdbc, JdbcTemplate template, CountryCodes codes, MissionService missions, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.codes = codes;
        this.missions = missions;
        this.audit = audit;
    }

    private static final String SERIES = """
            select s.code, s.label_en, s.label_fr, s.source, s.citation, s.licence, s.url, s.unit, s.higher_is_better,
                   s.owner, s.uploaded_at,
                   (select count(*) from outcome_value v where v.series_code = s.code) as n,
                   (select min(v.year) from outcome_value v where v.series_code = s.code) as first_year,
                   (select max(v.year) from outcome_value v where v.series_code = s.code) as last_year
              from outcome_series s
             where (s.owner is null or s.owner = :me or :all = true)""";

    /**
     * API sort keys of {@link #series(String, PageQuery)}; {@code shipped} puts the shipped series
     * first, then uploads newest first.
     */
    public static final Map<String, String> SERIES_SORTS = Map.of(
            "code", "s.code",
            "label", "s.label_en",
            "source", "s.source",
            "shipped", "case when s.owner is null then 0 else 1 end");

    /** Every series the current user may see: the shipped ones first, then uploads, newest first. */
    public List<SeriesView> series() {
        return series(null, new PageQuery(0, Integer.MAX_VALUE, SERIES_SORTS.get("shipped") + " asc"))
                .items();
    }

    /** One page of the series the current user may see whose code, label or source contains {@code search}. */
    public PageResponse<SeriesView> series(@Nullable String search, PageQuery page) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        params.put("me", currentUser());
        params.put("all", seesAllUploads());
        if (search != null && !search.isBlank()) {
            where = " and (lower(s.code) like :q or lower(coalesce(s.label_en, '')) like :q"
                    + " or lower(coalesce(s.label_fr, '')) like :q or lower(coalesce(s.source, '')) like :q)";
            params.put("q", SearchText.containing(search));
        }
        long total = jdbc.sql(
                        "select count(*) from outcome_series s where (s.owner is null or s.owner = :me or :all = true)"
                                + where)
                .params(params)
                .query(Long.class)
                .single();
        List<SeriesView> items = jdbc.sql(SERIES + where + " order by " + page.orderBy()
                        + ", s.uploaded_at desc, s.code limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OutcomeService::seriesRow)
                .list();
        return PageResponse.of(items, page, total);
    }

    public List<SeriesView> referenceSeries() {
        return series().stream().filter(s -> !s.uploaded()).toList();
    }

    public SeriesView seriesOf(String code) {
        return jdbc.sql(SERIES + " and s.code = :code")
                .param("me", currentUser())
                .param("all", seesAllUploads())
                .param("code", code)
                .query(OutcomeService::seriesRow)
                .optional()
                .orElseThrow(() -> new NotFoundException("Series", code));
    }

    /** The countries of the reference list (ISO alpha-3, names, UN M49 sub-region). */
    public List<CountryOption> countries(String language) {
        return codes.countries().values().stream()
                .map(c -> new CountryOption(c.iso3(), "fr".equals(language) ? c.nameFr() : c.nameEn()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }

    public record CountryOption(String iso3, String name) {}

    /**
     * The country-year panel: the peacekeeping columns and one column per chosen series (default:
     * every shipped series), for the chosen countries (default: all) and years. A row for every
     * country-year with a value or a mission.
     */
    public PanelTable panel(
            @Nullable Collection<String> seriesCodes,
            @Nullable Collection<String> countries,
            @Nullable Integer from,
            @Nullable Integer to) {
        List<SeriesView> chosen = chosenSeries(seriesCodes);
        Set<String> places = chosenCountries(countries, "countries");
        int first = from == null ? FIRST_YEAR : from;
        int last = to == null ? LocalDate.now().getYear() : to;
        years(first, last);
        Peacekeeping pko = new Peacekeeping(missions);
        Map<String, Map<String, Double>> values = new HashMap<>();
        TreeSet<String> keys = new TreeSet<>();
        for (Object[] v : values(chosen.stream().map(SeriesView::code).toList(), places, first, last)) {
            String key = v[1] + "|" + v[2];
            keys.add(key);
            values.computeIfAbsent(key, k -> new HashMap<>()).put((String) v[0], (Double) v[3]);
        }
        for (String[] k : pko.countryYears(first, last)) {
            int year = Integer.parseInt(k[1]);
            if ((places.isEmpty() || places.contains(k[0])) && year >= first && year <= last) {
                keys.add(k[0] + "|" + year);
            }
        }
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (String key : keys) {
            String iso3 = key.substring(0, 3);
            int year = Integer.parseInt(key.substring(4));
            CountryCodes.Country country = codes.country(iso3).orElseThrow();
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("iso3", iso3);
            row.put("year", year);
            row.put("country", country.nameEn());
            row.put("region", country.region().nameEn());
            row.put("pko_active", pko.active(iso3, year) ? 1 : 0);
            row.put("pko_troops_geopko", pko.geoPkoTroops(iso3, year));
            row.put("pko_personnel_hks", pko.hksPersonnel(iso3, year));
            Map<String, Double> byCode = values.getOrDefault(key, Map.of());
            for (SeriesView s : chosen) {
                row.put(s.code(), byCode.get(s.code()));
            }
            rows.add(row);
        }
        return new PanelTable(columns(chosen), rows);
    }

    /** The panel as CSV: a header row, then one row per country and year, blanks where missing. */
    public String panelCsv(PanelTable panel) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> names = new ArrayList<>(List.of("iso3", "year"));
            panel.columns().forEach(c -> names.add(c.name()));
            printer.printRecord(names);
            for (Map<String, @Nullable Object> row : panel.rows()) {
                List<String> cells = new ArrayList<>();
                for (String name : names) {
                    Object v = row.get(name);
                    cells.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The columns of the shipped reference panel, with the source and citation of each. */
    public List<PanelTable.PanelColumn> referenceColumns() {
        return columns(referenceSeries());
    }

    private List<PanelTable.PanelColumn> columns(List<SeriesView> chosen) {
        String countries =
                "Country names: ISO 3166 (Bluehelm reference list); regions: UN M49 sub-regions (Unicode CLDR 48)";
        String pact =
                "Mission dates and hosts: PACT (Bara, C. & Hultman, L. 2020, Just Different Hats? Comparing UN and"
                        + " Non-UN Peacekeeping, International Peacekeeping 27(3)), hosts and corrected dates added by hand"
                        + " (referencedata/missions/HOSTS.md). 1 when a mission hosted in the country was active on any day"
                        + " of the year.";
        List<PanelTable.PanelColumn> columns = new ArrayList<>();
        columns.add(new PanelTable.PanelColumn("country", "Country", "ISO 3166", countries, null));
        columns.add(
                new PanelTable.PanelColumn("region", "Region (UN M49 sub-region)", "UN M49 via CLDR", countries, null));
        columns.add(
                new PanelTable.PanelColumn("pko_active", "UN peacekeeping mission present (0/1)", "PACT", pact, null));
        columns.add(new PanelTable.PanelColumn(
                "pko_troops_geopko",
                "UN troops, Geo-PKO estimate (sum over missions)",
                DeploymentSource.GEOPKO.label(),
                DeploymentSource.GEOPKO.citation(),
                null));
        columns.add(new PanelTable.PanelColumn(
                "pko_personnel_hks",
                "UN personnel (troops, police, observers), HKS yearly mean, persons",
                DeploymentSource.HKS2013.label(),
                DeploymentSource.HKS2013.citation(),
                null));
        for (SeriesView s : chosen) {
            columns.add(new PanelTable.PanelColumn(s.code(), s.labelEn(), s.source(), s.citation(), s));
        }
        return columns;
    }

    /**
     * The case comparison: the host country's values of each chosen series, the mean of the other
     * countries of its sub-region with a value that year (and how many), the comparison countries,
     * and the country's means before, during and after each of its missions.
     */
    public Comparison comparison(
            String country,
            Collection<String> seriesCodes,
            Collection<String> compare,
            @Nullable Integer from,
            @Nullable Integer to,
            String language) {
        String iso3 = chosenCountries(List.of(country), "country").iterator().next();
        Set<String> others = chosenCountries(compare, "compare");
        others.remove(iso3);
        if (seriesCodes.isEmpty()) {
            throw refused("series", "choose at least one series", "outcome.validation.chooseSeries");
        }
        List<SeriesView> chosen = chosenSeries(seriesCodes);
        int first = from == null ? 1990 : from;
        int last = to == null ? LocalDate.now().getYear() : to;
        years(first, last);
        Peacekeeping pko = new Peacekeeping(missions);
        CountryCodes.Country c = codes.country(iso3).orElseThrow();
        Set<String> region = new LinkedHashSet<>();
        codes.countries().values().stream()
                .filter(o ->
                        o.region().code().equals(c.region().code()) && !o.iso3().equals(iso3))
                .forEach(o -> region.add(o.iso3()));
        Set<String> everyone = new LinkedHashSet<>(region);
        everyone.add(iso3);
        everyone.addAll(others);
        List<Integer> years = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            years.add(y);
        }
        List<Comparison.Mission> own = missionsOf(pko, iso3);
        List<Comparison.Series> result = new ArrayList<>();
        for (SeriesView s : chosen) {
            Map<String, Double> byKey = new HashMap<>();
            for (Object[] v : values(List.of(s.code()), everyone, first, last)) {
                byKey.put(v[1] + "|" + v[2], (Double) v[3]);
            }
            List<Comparison.Line> lines = new ArrayList<>();
            lines.add(line("COUNTRY", iso3, name(iso3, language), years, byKey));
            for (String o : others) {
                lines.add(line("COMPARISON", o, name(o, language), years, byKey));
            }
            List<@Nullable Double> means = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int y : years) {
                double sum = 0;
                int n = 0;
                for (String r : region) {
                    Double v = byKey.get(r + "|" + y);
                    if (v != null) {
                        sum += v;
                        n++;
                    }
                }
                means.add(n == 0 ? null : sum / n);
                counts.add(n);
            }
            lines.add(new Comparison.Line("REGION", c.region().code(), regionName(c, language), means, counts));
            List<Comparison.PeriodMeans> periods = new ArrayList<>();
            for (Comparison.Mission m : own) {
                periods.add(new Comparison.PeriodMeans(
                        m.acronym(),
                        span(byKey, iso3, first, Math.min(last, m.from() - 1)),
                        span(byKey, iso3, Math.max(first, m.from()), Math.min(last, m.to())),
                        span(byKey, iso3, Math.max(first, m.to() + 1), last)));
            }
            List<String> active = years.stream()
                    .map(y -> String.join(
                            ", ",
                            own.stream()
                                    .filter(m -> m.from() <= y && y <= m.to())
                                    .map(Comparison.Mission::acronym)
                                    .toList()))
                    .toList();
            result.add(new Comparison.Series(s, years, lines, active, periods));
        }
        List<Comparison.Place> compared = others.stream()
                .map(o -> new Comparison.Place(o, name(o, language), missionsOf(pko, o)))
                .toList();
        String average = "fr".equals(language)
                ? "moyenne des autres pays de la sous-région (M49) ayant une valeur pour l'année ; n = nombre de ces pays"
                : "mean of the other countries of the sub-region (M49) with a value that year; n = how many";
        return new Comparison(
                new Comparison.Place(iso3, name(iso3, language), own),
                new Comparison.Region(c.region().code(), regionName(c, language), average),
                compared,
                own,
                first,
                last,
                result,
                NOTE);
    }

    private static List<Comparison.Mission> missionsOf(Peacekeeping pko, String iso3) {
        return pko.missionsIn(iso3).stream()
                .map(p -> new Comparison.Mission(p.acronym(), p.name(), p.startDate(), p.endDate(), p.from(), p.to()))
                .toList();
    }

    private static Comparison.Line line(
            String kind, String iso3, String label, List<Integer> years, Map<String, Double> byKey) {
        List<@Nullable Double> values = new ArrayList<>();
        for (int y : years) {
            values.add(byKey.get(iso3 + "|" + y));
        }
        return new Comparison.Line(kind, iso3, label, values, null);
    }

    private static Comparison.Span span(Map<String, Double> byKey, String iso3, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int y = from; y <= to; y++) {
            Double v = byKey.get(iso3 + "|" + y);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return new Comparison.Span(from, to, n == 0 ? null : sum / n, n);
    }

    private String name(String iso3, String language) {
        CountryCodes.Country c = codes.country(iso3).orElseThrow();
        return "fr".equals(language) ? c.nameFr() : c.nameEn();
    }

    private static String regionName(CountryCodes.Country c, String language) {
        return "fr".equals(language) ? c.region().nameFr() : c.region().nameEn();
    }

    /** Stores an uploaded series with its values, all or nothing, owned by the current user. */
    @Transactional
    public SeriesView upload(UploadSeries command) {
        Validation v = new Validation()
                .required("label", command.label())
                .maxLength("label", command.label(), 200)
                .required("citation", command.citation())
                .maxLength("citation", command.citation(), 2000)
                .maxLength("unit", command.unit(), 200);
        if (command.csv() == null || command.csv().isBlank()) {
            v.coded("file", "choose a CSV file", "outcome.validation.chooseFile");
        }
        v.throwIfInvalid();
        List<SeriesCsv.Value> values = SeriesCsv.read(command.csv(), codes);
        String code = "upload_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String label = command.label().strip();
        jdbc.sql("""
                        insert into outcome_series (code, label_en, label_fr, source, citation, licence, url, unit,
                                                    higher_is_better, owner, uploaded_at)
                        values (:code, :label, :label, :source, :citation, '', '', :unit, null, :owner, :at)""")
                .param("code", code)
                .param("label", label)
                .param("source", "Uploaded by " + currentUser())
                .param("citation", command.citation().strip())
                .param("unit", command.unit() == null ? "" : command.unit().strip())
                .param("owner", currentUser())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        template.batchUpdate(
                "insert into outcome_value (series_code, iso3, year, value) values (?, ?, ?, ?)",
                values.stream()
                        .map(x -> new Object[] {code, x.iso3(), x.year(), x.value()})
                        .toList(),
                new int[] {java.sql.Types.VARCHAR, java.sql.Types.CHAR, java.sql.Types.INTEGER, java.sql.Types.DOUBLE});
        audit.record(
                AuditAction.CREATE,
                "outcome_series",
                code,
                Map.of("label", label, "citation", command.citation().strip(), "values", values.size()));
        return seriesOf(code);
    }

    /** Deletes an uploaded series: its uploader or an administrator. Shipped series cannot be deleted. */
    @Transactional
    public void deleteUpload(String code) {
        SeriesView s = seriesOf(code);
        if (!s.uploaded()) {
            throw new ForbiddenException("A shipped series cannot be deleted");
        }
        if (!currentUser().equals(s.owner()) && !isAdmin()) {
            throw new ForbiddenException("Only the uploader or an administrator may delete a series");
        }
        jdbc.sql("delete from outcome_series where code = :code")
                .param("code", code)
                .update();
        audit.record(AuditAction.DELETE, "outcome_series", code, Map.of("label", s.labelEn(), "values", s.values()));
    }

    private List<SeriesView> chosenSeries(@Nullable Collection<String> seriesCodes) {
        if (seriesCodes == null || seriesCodes.isEmpty()) {
            return referenceSeries();
        }
        Map<String, SeriesView> visible = new LinkedHashMap<>();
        series().forEach(s -> visible.put(s.code(), s));
        List<SeriesView> chosen = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String code : new LinkedHashSet<>(seriesCodes)) {
            SeriesView s = visible.get(code.strip());
            if (s == null) {
                problems.add(new FieldProblem(
                        "series", "unknown series '" + code + "'", "outcome.validation.unknownSeries", List.of(code)));
            } else {
                chosen.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return chosen;
    }

    private Set<String> chosenCountries(@Nullable Collection<String> countries, String field) {
        Set<String> result = new LinkedHashSet<>();
        if (countries == null) {
            return result;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String text : countries) {
            if (text.isBlank()) {
                continue;
            }
            String iso3 = text.strip().toUpperCase(Locale.ROOT);
            if (codes.country(iso3).isEmpty()) {
                problems.add(new FieldProblem(
                        field,
                        "unknown country '" + text + "' (give an ISO 3166 alpha-3 code)",
                        "outcome.validation.unknownCountry",
                        List.of(text)));
            } else {
                result.add(iso3);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return result;
    }

    /** A refusal of one field that the web UI shows in the user's language. */
    static InvalidInputException refused(String field, String message, String code, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, message, code, List.of(args))));
    }

    private static void years(int from, int to) {
        if (from < SeriesCsv.MIN_YEAR || to > SeriesCsv.MAX_YEAR || from > to) {
            throw refused(
                    "from",
                    "the years must run from 'from' to 'to', between " + SeriesCsv.MIN_YEAR + " and "
                            + SeriesCsv.MAX_YEAR,
                    "outcome.validation.years",
                    String.valueOf(SeriesCsv.MIN_YEAR),
                    String.valueOf(SeriesCsv.MAX_YEAR));
        }
    }

    private List<Object[]> values(List<String> seriesCodes, Set<String> countries, int from, int to) {
        if (seriesCodes.isEmpty()) {
            return List.of();
        }
        if (countries.isEmpty()) {
            return jdbc.sql("""
                            select series_code, iso3, year, value from outcome_value
                             where series_code in (:codes) and year between :from and :to""")
                    .param("codes", seriesCodes)
                    .param("from", from)
                    .param("to", to)
                    .query(OutcomeService::value)
                    .list();
        }
        return jdbc.sql("""
                        select series_code, iso3, year, value from outcome_value
                         where series_code in (:codes) and iso3 in (:countries) and year between :from and :to""")
                .param("codes", seriesCodes)
                .param("countries", countries)
                .param("from", from)
                .param("to", to)
                .query(OutcomeService::value)
                .list();
    }

    private static Object[] value(ResultSet rs, int n) throws SQLException {
        return new Object[] {rs.getString(1), rs.getString(2).strip(), rs.getInt(3), rs.getDouble(4)};
    }

    private static SeriesView seriesRow(ResultSet rs, int n) throws SQLException {
        return new SeriesView(
                rs.getString("code"),
                rs.getString("label_en"),
                rs.getString("label_fr"),
                rs.getString("source"),
                rs.getString("citation"),
                rs.getString("licence"),
                rs.getString("url"),
                rs.getString("unit"),
                (Boolean) rs.getObject("higher_is_better", Boolean.class),
                rs.getString("owner"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getLong("n"),
                (Integer) rs.getObject("first_year", Integer.class),
                (Integer) rs.getObject("last_year", Integer.class));
    }

    static String currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }

    private static boolean isAdmin() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a.getAuthorities().stream().anyMatch(x -> "ROLE_ADMIN".equals(x.getAuthority()));
    }

    /** Administrators and data stewards see every upload (and background work, with no user). */
    private static boolean seesAllUploads() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null
                || a.getAuthorities().stream()
                        .anyMatch(x ->
                                "ROLE_ADMIN".equals(x.getAuthority()) || "ROLE_DATA_STEWARD".equals(x.getAuthority()));
    }
}
