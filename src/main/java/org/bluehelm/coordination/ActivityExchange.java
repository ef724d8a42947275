package org.bluehelm.coordination;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bluehelm.actor.ActorFilter;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorSummary;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Activities out as HXL-tagged CSV, and in and out as IATI activity XML (standard 2.03).
 *
 * <p>IATI: one {@code iati-activity} per Bluehelm activity. Its actor is the one
 * {@code participating-org} (role 1 funding, 2 accountable for a lead or co-lead, 4
 * implementing); the sector is 15210 (security system management and reform, DAC vocabulary 1),
 * and the pillar and kind of support travel as a sector and a tag of the reporting organisation's
 * own vocabulary (99), which an import reads back (GOVERNANCE and OTHER when absent). An import
 * finds each actor by the name or acronym in the participating organisation's narrative (or its
 * {@code ref}); it is checked whole, every problem named by line and element, and written all or
 * nothing. Documents with a DOCTYPE are refused and external entities are never resolved.
 */
@Component
class ActivityExchange {

    static final String HXL_REPORTING_ORG = "XM-BLUEHELM";
    private static final int MAX_IMPORT = 2000;

    private final CoordinationService coordination;
    private final ActorService actors;
    private final GeographyService geography;
    private final Clock clock;

    ActivityExchange(CoordinationService coordination, ActorService actors, GeographyService geography, Clock clock) {
        this.coordination = coordination;
        this.actors = actors;
        this.geography = geography;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- HXL

    static final List<String[]> HXL_COLUMNS = List.of(
            new String[] {"Activity id", "#activity+id"},
            new String[] {"Activity", "#activity+name"},
            new String[] {"Actor", "#org+name"},
            new String[] {"Actor role", "#org+role"},
            new String[] {"Actor is national", "#org+national"},
            new String[] {"Pillar", "#sector"},
            new String[] {"Kind of support", "#activity+type"},
            new String[] {"Institution supported", "#org+beneficiary"},
            new String[] {"Country", "#country+code"},
            new String[] {"Region", "#adm1+name"},
            new String[] {"Org unit", "#loc+name"},
            new String[] {"Start", "#date+start"},
            new String[] {"End", "#date+end"},
            new String[] {"Status", "#status"},
            new String[] {"Budget", "#value+budget"},
            new String[] {"Currency", "#currency"},
            new String[] {"Programme", "#activity+programme"},
            new String[] {"Overlaps", "#meta+overlaps"});

    /** The activities as CSV: a header row, a row of HXL hashtags, then one row per activity. */
    String hxl(List<ActivityView> activities) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(HXL_COLUMNS.stream().map(c -> c[0]).toList());
            csv.printRecord(HXL_COLUMNS.stream().map(c -> c[1]).toList());
            for (ActivityView a : activities) {
                csv.printRecord(
                        a.id(),
                        cell(a.title()),
                        cell(a.actorName()),
                        a.actorRole().name().toLowerCase(Locale.ROOT),
                        a.nationalActor() ? "yes" : "no",
                        a.pillar().name().toLowerCase(Locale.ROOT),
                        a.supportKind().name().toLowerCase(Locale.ROOT),
                        cell(a.institutionName()),
                        a.countryCode(),
                        cell(a.regionName()),
                        cell(a.orgUnitName()),
                        a.startDate(),
                        a.endDate() == null ? "" : a.endDate(),
                        a.status().name().toLowerCase(Locale.ROOT),
                        a.budgetAmount() == null
                                ? ""
                                : a.budgetAmount().stripTrailingZeros().toPlainString(),
                        a.budgetCurrency() == null ? "" : a.budgetCurrency(),
                        cell(a.programmeName()),
                        String.join(
                                " ",
                                a.overlaps().stream()
                                        .map(o -> String.valueOf(o.activityId()))
                                        .toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Text as a spreadsheet will not run it as a formula. */
    private static String cell(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    // ---------------------------------------------------------------- IATI out

    byte[] iati(List<ActivityView> activities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute(
                    "generated-datetime",
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
            Map<String, Optional<CountryView>> countries = new HashMap<>();
            for (ActivityView a : activities) {
                xml.writeStartElement("iati-activity");
                xml.writeAttribute("default-currency", a.budgetCurrency() == null ? "USD" : a.budgetCurrency());
                text(xml, "iati-identifier", identifier(a));
                xml.writeStartElement("reporting-org");
                xml.writeAttribute("ref", HXL_REPORTING_ORG);
                xml.writeAttribute("type", "40");
                narrative(xml, "Bluehelm");
                xml.writeEndElement();
                xml.writeStartElement("title");
                narrative(xml, a.title());
                xml.writeEndElement();
                if (a.description() != null) {
                    xml.writeStartElement("description");
                    xml.writeAttribute("type", "1");
                    narrative(xml, a.description());
                    xml.writeEndElement();
                }
                xml.writeStartElement("participating-org");
                xml.writeAttribute("role", String.valueOf(a.actorRole().iatiCode()));
                xml.writeAttribute("ref", "BLUEHELM-ACTOR-" + a.actorId());
                narrative(xml, a.actorName() == null ? "#" + a.actorId() : a.actorName());
                xml.writeEndElement();
                xml.writeStartElement("activity-status");
                xml.writeAttribute("code", String.valueOf(a.status().iatiCode()));
                xml.writeEndElement();
                boolean started = a.status() != ActivityStatus.PLANNED && a.status() != ActivityStatus.CANCELLED;
                date(xml, started ? "2" : "1", a.startDate());
                if (a.endDate() != null) {
                    date(xml, a.status() == ActivityStatus.COMPLETED ? "4" : "3", a.endDate());
                }
                Optional<CountryView> country = countries.computeIfAbsent(a.countryCode(), geography::findCountry);
                if (country.isPresent() && country.get().iso2() != null) {
                    xml.writeStartElement("recipient-country");
                    xml.writeAttribute("code", country.get().iso2());
                    xml.writeAttribute("percentage", "100");
                    xml.writeEndElement();
                }
                if (a.regionName() != null || a.orgUnitName() != null) {
                    xml.writeStartElement("location");
                    xml.writeStartElement("name");
                    narrative(xml, a.orgUnitName() != null ? a.orgUnitName() : a.regionName());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                sector(xml, "1", "15210");
                sector(xml, "99", a.pillar().name());
                xml.writeStartElement("tag");
                xml.writeAttribute("vocabulary", "99");
                xml.writeAttribute("code", a.supportKind().name());
                xml.writeEndElement();
                if (a.budgetAmount() != null) {
                    xml.writeStartElement("budget");
                    xml.writeAttribute("type", "1");
                    xml.writeAttribute("status", "1");
                    date(xml, "period-start", null, a.startDate());
                    date(xml, "period-end", null, a.endDate() == null ? a.startDate() : a.endDate());
                    xml.writeStartElement("value");
                    xml.writeAttribute("currency", a.budgetCurrency());
                    xml.writeAttribute("value-date", a.startDate().toString());
                    xml.writeCharacters(a.budgetAmount().stripTrailingZeros().toPlainString());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write IATI XML", e);
        }
        return bytes.toByteArray();
    }

    private static String identifier(ActivityView a) {
        return a.iatiIdentifier() != null ? a.iatiIdentifier() : HXL_REPORTING_ORG + "-" + a.id();
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void narrative(XMLStreamWriter xml, String text) throws XMLStreamException {
        text(xml, "narrative", text);
    }

    private static void sector(XMLStreamWriter xml, String vocabulary, String code) throws XMLStreamException {
        xml.writeStartElement("sector");
        xml.writeAttribute("vocabulary", vocabulary);
        xml.writeAttribute("code", code);
        xml.writeAttribute("percentage", "100");
        xml.writeEndElement();
    }

    private static void date(XMLStreamWriter xml, String type, LocalDate date) throws XMLStreamException {
        date(xml, "activity-date", type, date);
    }

    private static void date(XMLStreamWriter xml, String element, @Nullable String type, LocalDate date)
            throws XMLStreamException {
        xml.writeStartElement(element);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("iso-date", date.toString());
        xml.writeEndElement();
    }

    // ---------------------------------------------------------------- IATI in

    /** Reads every activity of the document, then creates them all or none. */
    List<ActivityView> importIati(byte[] document) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Parsed> parsed = parse(document, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (parsed.isEmpty()) {
            throw InvalidInputException.coded(
                    "iati-activities", "the document holds no iati-activity", "coordination.iati.noActivity");
        }
        if (parsed.size() > MAX_IMPORT) {
            throw InvalidInputException.coded(
                    "iati-activities",
                    "holds " + parsed.size() + " activities; import at most " + MAX_IMPORT,
                    "coordination.iati.tooMany",
                    parsed.size(),
                    MAX_IMPORT);
        }
        List<ActivityCommand> commands = new ArrayList<>();
        for (Parsed p : parsed) {
            commands.add(p.command());
        }
        try {
            return coordination.createAll(commands, "iati-activity");
        } catch (InvalidInputException e) {
            List<FieldProblem> located = new ArrayList<>();
            for (FieldProblem problem : e.problems()) {
                located.add(new FieldProblem(
                        locate(problem.field(), parsed), problem.message(), problem.code(), problem.args()));
            }
            throw new InvalidInputException(located);
        }
    }

    /** {@code iati-activity[3].actorId} becomes {@code line 42: iati-activity 4, actorId}. */
    private static String locate(String field, List<Parsed> parsed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("iati-activity\\[(\\d+)]\\.(.*)")
                .matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(1));
        return "line " + parsed.get(index).line() + ": iati-activity " + (index + 1) + ", " + m.group(2);
    }

    /** An activity as read, with the line its element starts on. */
    private record Parsed(int line, ActivityCommand command) {}

    /** What is being read of one iati-activity. */
    private static final class Draft {
        int line;

        @Nullable
        String identifier;

        @Nullable
        String title;

        @Nullable
        String description;

        @Nullable
        Long actorId;

        @Nullable
        ActorRole role;

        int rank;
        final List<String> unknownOrgs = new ArrayList<>();

        @Nullable
        ActivityStatus status;

        @Nullable
        LocalDate start;

        @Nullable
        LocalDate end;

        @Nullable
        String country;

        boolean securitySector;

        @Nullable
        Pillar pillar;

        @Nullable
        SupportKind kind;

        @Nullable
        BigDecimal budget;

        @Nullable
        String currency;

        @Nullable
        String defaultCurrency;
    }

    private List<Parsed> parse(byte[] document, List<FieldProblem> problems) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Parsed> activities = new ArrayList<>();
        Map<String, String> iso2 = iso2ToIso3();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            Draft d = null;
            String orgNarrativeFor = null; // "participating" or null
            Integer orgRole = null;
            String orgRef = null;
            List<String> path = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                int line = xml.getLocation().getLineNumber();
                if (event == XMLStreamConstants.DTD) {
                    problems.add(problem(
                            "line " + line, "a DOCTYPE is not allowed in an IATI import", "coordination.iati.doctype"));
                    return List.of();
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    problems.add(problem(
                            "line " + line,
                            "the entity '" + xml.getLocalName() + "' is not allowed",
                            "coordination.iati.entity",
                            String.valueOf(xml.getLocalName())));
                    return List.of();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    path.add(name);
                    if (path.size() == 1 && !name.equals("iati-activities")) {
                        problems.add(problem(
                                "line " + line,
                                "the root element must be iati-activities, not " + name,
                                "coordination.iati.root",
                                name));
                        return List.of();
                    }
                    if (name.equals("iati-activity") && path.size() == 2) {
                        d = new Draft();
                        d.line = line;
                        d.defaultCurrency = attr(xml, "default-currency");
                        continue;
                    }
                    if (d == null) {
                        continue;
                    }
                    String parent = path.size() >= 2 ? path.get(path.size() - 2) : "";
                    switch (name) {
                        case "iati-identifier" -> {
                            d.identifier = xml.getElementText().strip();
                            path.remove(path.size() - 1);
                        }
                        case "narrative" -> {
                            String text = xml.getElementText().strip();
                            if (parent.equals("title") && d.title == null) {
                                d.title = text;
                            } else if (parent.equals("description") && d.description == null) {
                                d.description = text;
                            } else if (parent.equals("participating-org") && "participating".equals(orgNarrativeFor)) {
                                resolveActor(d, orgRef, text, orgRole);
                                orgNarrativeFor = null;
                            }
                            path.remove(path.size() - 1);
                        }
                        case "participating-org" -> {
                            String role = attr(xml, "role");
                            orgRef = attr(xml, "ref");
                            orgRole = null;
                            orgNarrativeFor = null;
                            if (role == null || !role.matches("[1-4]")) {
                                problems.add(problem(
                                        "line " + line + ": participating-org",
                                        "role must be 1 (funding), 2 (accountable), 3 (extending) or 4"
                                                + " (implementing), not " + role,
                                        "coordination.iati.role",
                                        String.valueOf(role)));
                            } else {
                                orgRole = Integer.parseInt(role);
                                orgNarrativeFor = "participating";
                            }
                        }
                        case "activity-status" -> {
                            String code = attr(xml, "code");
                            try {
                                d.status = ActivityStatus.ofIati(Integer.parseInt(String.valueOf(code)));
                            } catch (IllegalArgumentException e) {
                                problems.add(problem(
                                        "line " + line + ": activity-status",
                                        "code must be an IATI activity status from 1 to 6, not " + code,
                                        "coordination.iati.status",
                                        String.valueOf(code)));
                            }
                        }
                        case "activity-date" -> {
                            String type = attr(xml, "type");
                            LocalDate date = isoDate(xml, line, "activity-date", problems);
                            if (date != null && ("1".equals(type) || "2".equals(type))) {
                                if (d.start == null || "2".equals(type)) {
                                    d.start = date;
                                }
                            } else if (date != null && ("3".equals(type) || "4".equals(type))) {
                                if (d.end == null || "4".equals(type)) {
                                    d.end = date;
                                }
                            } else if (date != null) {
                                problems.add(problem(
                                        "line " + line + ": activity-date",
                                        "type must be 1, 2, 3 or 4, not " + type,
                                        "coordination.iati.dateType",
                                        String.valueOf(type)));
                            }
                        }
                        case "recipient-country" -> {
                            String code = attr(xml, "code");
                            String iso3 =
                                    code == null ? null : iso2.get(code.strip().toUpperCase(Locale.ROOT));
                            if (iso3 == null) {
                                problems.add(problem(
                                        "line " + line + ": recipient-country",
                                        "code " + code + " is not an ISO 3166-1 alpha-2 country code",
                                        "coordination.iati.country",
                                        String.valueOf(code)));
                            } else if (d.country == null) {
                                d.country = iso3;
                            }
                        }
                        case "sector" -> {
                            String vocabulary = attr(xml, "vocabulary");
                            String code = attr(xml, "code");
                            if ((vocabulary == null || "1".equals(vocabulary)) && "15210".equals(code)) {
                                d.securitySector = true;
                            } else if ("99".equals(vocabulary) && code != null) {
                                try {
                                    d.pillar = Pillar.valueOf(code.strip().toUpperCase(Locale.ROOT));
                                } catch (IllegalArgumentException e) {
                                    problems.add(problem(
                                            "line " + line + ": sector",
                                            "code " + code + " of vocabulary 99 is not a pillar",
                                            "coordination.iati.pillar",
                                            code));
                                }
                            }
                        }
                        case "tag" -> {
                            String code = attr(xml, "code");
                            if ("99".equals(attr(xml, "vocabulary")) && code != null) {
                                try {
                                    d.kind = SupportKind.valueOf(code.strip().toUpperCase(Locale.ROOT));
                                } catch (IllegalArgumentException e) {
                                    problems.add(problem(
                                            "line " + line + ": tag",
                                            "code " + code + " is not a kind of support",
                                            "coordination.iati.kind",
                                            code));
                                }
                            }
                        }
                        case "value" -> {
                            if (parent.equals("budget") && d.budget == null) {
                                String currency = attr(xml, "currency");
                                String text = xml.getElementText().strip();
                                path.remove(path.size() - 1);
                                try {
                                    d.budget = new BigDecimal(text);
                                    d.currency = currency != null ? currency : d.defaultCurrency;
                                } catch (NumberFormatException e) {
                                    problems.add(problem(
                                            "line " + line + ": budget/value",
                                            "'" + text + "' is not a number",
                                            "coordination.iati.number",
                                            text));
                                }
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!path.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                    if (name.equals("iati-activity") && d != null && path.size() == 1) {
                        activities.add(finish(d, problems));
                        d = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String reason = firstLine(e.getMessage());
            problems.add(problem(
                    "line " + line, "is not well-formed XML: " + reason, "coordination.iati.notWellFormed", reason));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
        return activities;
    }

    private Parsed finish(Draft d, List<FieldProblem> problems) {
        String at = "line " + d.line + ": iati-activity";
        if (d.identifier == null || d.identifier.isBlank()) {
            problems.add(problem(at + ", iati-identifier", "is required", "validation.required"));
        }
        if (d.title == null || d.title.isBlank()) {
            problems.add(problem(at + ", title/narrative", "is required", "validation.required"));
        }
        if (d.actorId == null && !d.unknownOrgs.isEmpty()) {
            problems.add(problem(
                    at + ", participating-org",
                    "no participating organisation is an actor you may see: " + String.join(", ", d.unknownOrgs),
                    "coordination.iati.unknownOrgs",
                    String.join(", ", d.unknownOrgs)));
        } else if (d.actorId == null) {
            problems.add(problem(
                    at + ", participating-org",
                    "at least one participating organisation with a role is required",
                    "coordination.iati.orgRequired"));
        }
        if (d.start == null) {
            problems.add(problem(
                    at + ", activity-date",
                    "a start date (type 1 planned start or 2 actual start) is required",
                    "coordination.iati.startRequired"));
        }
        if (d.country == null) {
            problems.add(problem(at + ", recipient-country", "is required", "validation.required"));
        }
        if (!d.securitySector) {
            problems.add(problem(
                    at + ", sector",
                    "must be 15210 (security system management and reform, vocabulary 1)",
                    "coordination.iati.sector"));
        }
        return new Parsed(
                d.line,
                new ActivityCommand(
                        d.title,
                        null,
                        d.actorId,
                        d.role,
                        d.pillar == null ? Pillar.GOVERNANCE : d.pillar,
                        d.kind == null ? SupportKind.OTHER : d.kind,
                        null,
                        null,
                        d.country,
                        null,
                        d.start,
                        d.end,
                        d.status == null ? ActivityStatus.PLANNED : d.status,
                        d.budget,
                        d.budget == null ? null : d.currency,
                        d.identifier,
                        d.description));
    }

    /**
     * Finds the actor of a participating organisation by its Bluehelm ref, or its name or acronym,
     * and keeps it as the activity's actor when its role ranks higher than the one kept so far:
     * implementing, then accountable, then extending, then funding.
     */
    private void resolveActor(Draft d, @Nullable String ref, String narrative, @Nullable Integer role) {
        if (role == null) {
            return;
        }
        int rank = switch (role) {
            case 4 -> 4;
            case 2 -> 3;
            case 3 -> 2;
            default -> 1;
        };
        if (rank <= d.rank) {
            return;
        }
        Long found = null;
        if (ref != null && ref.startsWith("BLUEHELM-ACTOR-")) {
            try {
                long id = Long.parseLong(ref.substring("BLUEHELM-ACTOR-".length()));
                if (actors.view(id).isPresent()) {
                    found = id;
                }
            } catch (NumberFormatException e) {
                // fall back on the name
            }
        }
        if (found == null) {
            String wanted = narrative.toLowerCase(Locale.ROOT);
            for (ActorSummary a : actors.list(
                            new ActorFilter(narrative, null, null, null, null),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "id", Map.of("id", "a.id"), "id"))
                    .items()) {
                String full = a.acronym() == null ? a.name() : a.name() + " (" + a.acronym() + ")";
                if (a.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || (a.acronym() != null
                                && a.acronym().toLowerCase(Locale.ROOT).equals(wanted))
                        || full.toLowerCase(Locale.ROOT).equals(wanted)) {
                    found = a.id();
                    break;
                }
            }
        }
        if (found == null) {
            d.unknownOrgs.add("'" + narrative + "'");
            return;
        }
        d.actorId = found;
        d.rank = rank;
        d.role = switch (role) {
            case 1 -> ActorRole.FUNDING;
            case 2 -> ActorRole.LEAD;
            default -> ActorRole.IMPLEMENTING;
        };
    }

    private static @Nullable LocalDate isoDate(
            XMLStreamReader xml, int line, String element, List<FieldProblem> problems) {
        String text = attr(xml, "iso-date");
        if (text == null) {
            problems.add(
                    problem("line " + line + ": " + element, "iso-date is required", "coordination.iati.dateRequired"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(
                    "line " + line + ": " + element,
                    "iso-date '" + text + "' is not a date",
                    "coordination.iati.date",
                    text));
            return null;
        }
    }

    /** A problem of the document, in English and under a message code for the import page. */
    private static FieldProblem problem(String field, String message, String code, Object... args) {
        return new FieldProblem(field, message, code, List.of(args));
    }

    private static @Nullable String attr(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value;
    }

    private Map<String, String> iso2ToIso3() {
        Map<String, String> codes = new HashMap<>();
        for (int page = 0; ; page++) {
            List<CountryView> countries = geography
                    .countries(null, PageQuery.of(page, PageQuery.MAX_SIZE, "iso3", Map.of("iso3", "iso3"), "iso3"))
                    .items();
            for (CountryView c : countries) {
                if (c.iso2() != null) {
                    codes.put(c.iso2().toUpperCase(Locale.ROOT), c.iso3());
                }
            }
            if (countries.size() < PageQuery.MAX_SIZE) {
                return codes;
            }
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        int cut = text.lastIndexOf("Message: ");
        if (cut >= 0) {
            text = text.substring(cut + "Message: ".length());
        }
        return text.lines().findFirst().orElse("");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
