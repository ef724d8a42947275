package org.bluehelm.capacity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.complaint.NameHashes;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionSummary;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldCipher;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training events, their rosters and the personnel registry. Service numbers and names are stored
 * encrypted ({@link FieldCipher}) with keyed hashes ({@link NameHashes}): the same service number is
 * the same person; the same name, institution and sex under another number is reported as a possible
 * duplicate, never merged. Lists show people by pseudonymous key only; administrators, mission
 * managers and data stewards of the scope may reveal a service number, and each reveal is in the
 * audit log.
 */
@Service
@Transactional(readOnly = true)
public class TrainingService {

    static final List<String> ROSTER_COLUMNS = List.of(
            "service_number",
            "name",
            "institution",
            "unit",
            "rank",
            "sex",
            "vetting",
            "attended",
            "pre_score",
            "post_score",
            "certified");

    private static final Set<String> REVEALERS = Set.of("ROLE_ADMIN", "ROLE_MISSION_MANAGER", "ROLE_DATA_STEWARD");

    private static final String EVENT_COLUMNS = """
            select e.id, e.course_id, c.title, c.competency, c.target_institution_id, e.starts_on, e.ends_on,
                   e.location_org_unit_id, e.delivered_by, e.national_trainers, e.international_trainers,
                   e.mission_id, e.country_code, e.version,
                   (select count(*) from cap_participant p where p.event_id = e.id) as participants,
                   (select count(*) from cap_participant p where p.event_id = e.id and p.attended) as attended,
                   (select count(*) from cap_participant p where p.event_id = e.id and p.certified) as certified,
                   (select avg(p.post_score - p.pre_score) from cap_participant p
                     where p.event_id = e.id and p.attended and p.pre_score is not null
                       and p.post_score is not null) as gain
              from cap_event e join cap_course c on c.id = e.course_id
            """;

    private final JdbcClient jdbc;
    private final CourseService courses;
    private final InstitutionService institutions;
    private final FieldCipher cipher;
    private final NameHashes hashes;
    private final GeographyService geography;
    private final AuditLog audit;
    private final Clock clock;

    TrainingService(
            JdbcClient jdbc,
            CourseService courses,
            InstitutionService institutions,
            FieldCipher cipher,
            NameHashes hashes,
            GeographyService geography,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.institutions = institutions;
        this.cipher = cipher;
        this.hashes = hashes;
        this.geography = geography;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- events

    /** API sort keys of {@link #events(String, Long, Long, PageQuery)}. */
    public static final Map<String, String> EVENT_SORTS = Map.of(
            "id", "e.id",
            "startsOn", "e.starts_on",
            "endsOn", "e.ends_on",
            "course", "c.title",
            "country", "e.country_code");

    /** The events in the user's scope, the latest first (at most 500); of one course when {@code courseId} is set. */
    public List<EventView> events(@Nullable Long courseId, @Nullable Long institutionId) {
        return events(null, courseId, institutionId, new PageQuery(0, 500, "e.starts_on desc"))
                .items();
    }

    /**
     * One page of the events in the user's scope whose course title or trainer ({@code delivered_by})
     * contains {@code search}; of one course, or of courses for one institution, when set.
     */
    public PageResponse<EventView> events(
            @Nullable String search, @Nullable Long courseId, @Nullable Long institutionId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("e.mission_id", "e.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(c.title) like :q or lower(coalesce(e.delivered_by, '')) like :q)");
            params.put("q", SearchText.containing(search));
        }
        if (courseId != null) {
            where.append(" and e.course_id = :course");
            params.put("course", courseId);
        }
        if (institutionId != null) {
            where.append(" and c.target_institution_id = :institution");
            params.put("institution", institutionId);
        }
        long total = jdbc.sql("select count(*) from cap_event e join cap_course c on c.id = e.course_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<EventView> items = jdbc.sql(EVENT_COLUMNS + where + " order by " + page.orderBy()
                        + ", e.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> event(rs))
                .list();
        return PageResponse.of(items, page, total);
    }

    /**
     * The national and international trainers of the events in the user's scope, per country of the
     * event and target institution of its course. Read by the local ownership view of coordination.
     */
    public List<TrainerCount> trainersByCountryAndInstitution() {
        AccessScope.Filter scope = AccessScope.current().filter("e.mission_id", "e.country_code");
        String sql = """
                select e.country_code, c.target_institution_id,
                       sum(e.national_trainers), sum(e.international_trainers)
                  from cap_event e join cap_course c on c.id = e.course_id
                """
                + " where " + scope.sql()
                + " group by e.country_code, c.target_institution_id order by e.country_code, c.target_institution_id";
        return jdbc.sql(sql)
                .params(scope.params())
                .query((rs, n) -> new TrainerCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public EventView event(long id) {
        return jdbc.sql(EVENT_COLUMNS + " where e.id = :id")
                .param("id", id)
                .query((rs, n) -> event(rs))
                .optional()
                .filter(e -> AccessScope.current().canRead(e.missionId(), e.countryCode()))
                .orElseThrow(() -> new NotFoundException("Training event", id));
    }

    @Transactional
    public EventView createEvent(EventCommand command) {
        CourseView course = validate(command);
        Records.requireWritable(course.missionId(), course.countryCode());
        long id = Records.insert(jdbc.sql("""
                        insert into cap_event (course_id, starts_on, ends_on, location_org_unit_id, delivered_by,
                               national_trainers, international_trainers, mission_id, country_code, created_by,
                               created_at, version)
                        values (:course, :starts, :ends, :location, :by, :national, :international, :mission,
                               :country, :me, :now, 1)
                        """)
                .param("course", course.id())
                .param("starts", command.startsOn())
                .param("ends", command.endsOn())
                .param("location", command.locationOrgUnitId())
                .param("by", command.deliveredBy().strip())
                .param("national", command.nationalTrainers())
                .param("international", command.internationalTrainers())
                .param("mission", course.missionId())
                .param("country", course.countryCode())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock)));
        audit.record(AuditAction.CREATE, "cap_event", String.valueOf(id), eventFields(command));
        return event(id);
    }

    @Transactional
    public EventView updateEvent(long id, int expectedVersion, EventCommand command) {
        EventView current = event(id);
        CourseView course = validate(command);
        Records.requireWritable(current.missionId(), current.countryCode());
        Records.requireWritable(course.missionId(), course.countryCode());
        int changed = jdbc.sql("""
                        update cap_event
                           set course_id = :course, starts_on = :starts, ends_on = :ends,
                               location_org_unit_id = :location, delivered_by = :by, national_trainers = :national,
                               international_trainers = :international, mission_id = :mission,
                               country_code = :country, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("course", course.id())
                .param("starts", command.startsOn())
                .param("ends", command.endsOn())
                .param("location", command.locationOrgUnitId())
                .param("by", command.deliveredBy().strip())
                .param("national", command.nationalTrainers())
                .param("international", command.internationalTrainers())
                .param("mission", course.missionId())
                .param("country", course.countryCode())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Training event", id);
        }
        audit.record(AuditAction.UPDATE, "cap_event", String.valueOf(id), eventFields(command));
        return event(id);
    }

    @Transactional
    public void deleteEvent(long id, int expectedVersion) {
        EventView current = event(id);
        Records.requireWritable(current.missionId(), current.countryCode());
        int deleted = jdbc.sql("delete from cap_event where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Training event", id);
        }
        audit.record(AuditAction.DELETE, "cap_event", String.valueOf(id), Map.of());
    }

    // ---------------------------------------------------------------- participants

    /** The roster of an event by pseudonymous key: no service number, no name. */
    public List<ParticipantView> participants(long eventId) {
        event(eventId);
        return jdbc.sql("""
                        select p.id, p.person_id, p.vetting, p.attended, p.pre_score, p.post_score, p.certified,
                               p.version, x.institution_id, x.unit_institution_id, x.rank_title, x.sex
                          from cap_participant p join cap_person x on x.id = p.person_id
                         where p.event_id = :event order by p.id
                        """)
                .param("event", eventId)
                .query((rs, n) -> {
                    Long unit = Records.nullableLong(rs, "unit_institution_id");
                    return new ParticipantView(
                            rs.getLong("id"),
                            rs.getLong("person_id"),
                            personKey(rs.getLong("person_id")),
                            Records.institutionName(institutions, rs.getLong("institution_id")),
                            unit == null ? null : Records.institutionName(institutions, unit),
                            rs.getString("rank_title"),
                            Sex.valueOf(rs.getString("sex")),
                            Vetting.valueOf(rs.getString("vetting")),
                            rs.getBoolean("attended"),
                            rs.getBigDecimal("pre_score"),
                            rs.getBigDecimal("post_score"),
                            rs.getBoolean("certified"),
                            rs.getInt("version"));
                })
                .list();
    }

    /** Records vetting, attendance, scores and certification of one participant, from the version read. */
    @Transactional
    public ParticipantView recordParticipant(long eventId, long participantId, ParticipantCommand command) {
        EventView event = event(eventId);
        Records.requireWritable(event.missionId(), event.countryCode());
        Validation v = new Validation()
                .required("vetting", command.vetting())
                .required("attended", command.attended())
                .required("version", command.version());
        score(v, "preScore", command.preScore());
        score(v, "postScore", command.postScore());
        if (Boolean.TRUE.equals(command.certified()) && !Boolean.TRUE.equals(command.attended())) {
            v.coded("certified", "only a participant who attended can be certified", "capacity.validation.certified");
        }
        v.throwIfInvalid();
        int changed = jdbc.sql("""
                        update cap_participant
                           set vetting = :vetting, attended = :attended, pre_score = :pre, post_score = :post,
                               certified = :certified, version = version + 1
                         where id = :id and event_id = :event and version = :version
                        """)
                .param("vetting", command.vetting().name())
                .param("attended", command.attended())
                .param("pre", command.preScore())
                .param("post", command.postScore())
                .param("certified", Boolean.TRUE.equals(command.certified()))
                .param("id", participantId)
                .param("event", eventId)
                .param("version", command.version())
                .update();
        if (changed == 0) {
            participants(eventId).stream()
                    .filter(p -> p.id() == participantId)
                    .findAny()
                    .orElseThrow(() -> new NotFoundException("Participant", participantId));
            throw ConflictException.staleVersion("Participant", participantId);
        }
        audit.record(
                AuditAction.UPDATE,
                "cap_participant",
                String.valueOf(participantId),
                Map.of("event", eventId, "attended", command.attended(), "certified", command.certified()));
        return participants(eventId).stream()
                .filter(p -> p.id() == participantId)
                .findAny()
                .orElseThrow();
    }

    // ---------------------------------------------------------------- roster import

    /**
     * Imports a roster into an event (columns {@link #ROSTER_COLUMNS}; only service_number and sex
     * are required, the institution defaults to the course's target institution). Every line is
     * checked first: any problem is reported by line and column and nothing is written. A person is
     * found by the keyed hash of their service number (created when new); a participant already on
     * the roster is updated, which lets scores be imported after the event. A dry run only checks.
     */
    @Transactional
    public RosterReport importRoster(long eventId, List<RosterLine> lines, boolean dryRun) {
        EventView event = event(eventId);
        Records.requireWritable(event.missionId(), event.countryCode());
        List<FieldProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("file", "contains no participant", "capacity.roster.empty", List.of())));
        }
        List<String> missing = List.of("service_number", "sex").stream()
                .filter(c -> !lines.get(0).cells().containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "line 1",
                    "missing columns: " + String.join(", ", missing),
                    "capacity.roster.columns",
                    List.of(String.join(", ", missing)))));
        }
        InstitutionView defaultInstitution = institutions
                .view(event.institutionId())
                .orElseThrow(() -> new NotFoundException("Institution", event.institutionId()));
        Map<String, Long> hashLines = new HashMap<>();
        Map<String, Long> nameLines = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<RosterReport.PossibleDuplicate> possible = new ArrayList<>();
        for (RosterLine line : lines) {
            String at = "line " + line.line() + " ";
            int before = problems.size();
            String serviceNumber = line.get("service_number");
            String hash = hashes.hash("personnel-service-number", serviceNumber);
            if (hash == null) {
                problems.add(problem(at + "service_number", "is required", "capacity.roster.required"));
            } else if (serviceNumber.length() > 60) {
                problems.add(problem(at + "service_number", "is longer than 60 characters", "capacity.roster.long"));
            } else if (hashLines.containsKey(hash)) {
                problems.add(new FieldProblem(
                        at + "service_number",
                        "is the same as on line " + hashLines.get(hash),
                        "capacity.roster.repeated",
                        List.of(hashLines.get(hash))));
            } else {
                hashLines.put(hash, line.line());
            }
            String name = Records.blankToNull(line.get("name"));
            if (name != null && name.length() > 300) {
                problems.add(problem(at + "name", "is longer than 300 characters", "capacity.roster.long"));
            }
            InstitutionView institution = defaultInstitution;
            if (!line.get("institution").isEmpty()) {
                Optional<InstitutionView> found = findInstitution(line.get("institution"), null);
                if (found.isEmpty()) {
                    problems.add(
                            problem(at + "institution", "is not a known institution", "capacity.roster.institution"));
                } else {
                    institution = found.get();
                }
            }
            Long unit = null;
            if (!line.get("unit").isEmpty()) {
                Optional<InstitutionView> found = findInstitution(line.get("unit"), institution.id());
                if (found.isEmpty()) {
                    problems.add(problem(
                            at + "unit", "is not a unit of " + Records.name(institution), "capacity.roster.unit"));
                } else {
                    unit = found.get().id();
                }
            }
            String rank = Records.blankToNull(line.get("rank"));
            if (rank != null && rank.length() > 100) {
                problems.add(problem(at + "rank", "is longer than 100 characters", "capacity.roster.long"));
            }
            Sex sex = sex(line.get("sex"));
            if (sex == null) {
                problems.add(problem(at + "sex", "must be F, M or OTHER", "capacity.roster.sex"));
            }
            Vetting vetting =
                    line.get("vetting").isEmpty() ? Vetting.PENDING : enumOf(Vetting.class, line.get("vetting"));
            if (vetting == null) {
                problems.add(
                        problem(at + "vetting", "must be PENDING, CLEARED or NOT_CLEARED", "capacity.roster.vetting"));
            }
            Boolean attended = line.get("attended").isEmpty() ? Boolean.TRUE : yesNo(line.get("attended"));
            if (attended == null) {
                problems.add(problem(at + "attended", "must be yes or no", "capacity.roster.yesNo"));
            }
            Boolean certified = line.get("certified").isEmpty() ? Boolean.FALSE : yesNo(line.get("certified"));
            if (certified == null) {
                problems.add(problem(at + "certified", "must be yes or no", "capacity.roster.yesNo"));
            } else if (certified && Boolean.FALSE.equals(attended)) {
                problems.add(problem(
                        at + "certified",
                        "only a participant who attended can be certified",
                        "capacity.validation.certified"));
            }
            BigDecimal pre = number(line.get("pre_score"), at + "pre_score", problems);
            BigDecimal post = number(line.get("post_score"), at + "post_score", problems);
            if (problems.size() > before) {
                continue;
            }
            Optional<Long> known = jdbc.sql("select id from cap_person where service_number_hash = :hash")
                    .param("hash", hash)
                    .query(Long.class)
                    .optional();
            String nameHash = hashes.hash("personnel-name", name);
            if (known.isEmpty() && nameHash != null) {
                String nameKey = nameHash + "|" + institution.id() + "|" + sex;
                if (nameLines.containsKey(nameKey)) {
                    possible.add(new RosterReport.PossibleDuplicate(line.line(), "line " + nameLines.get(nameKey)));
                } else {
                    nameLines.put(nameKey, line.line());
                }
                jdbc.sql("""
                                select id from cap_person
                                 where name_hash = :name and institution_id = :institution and sex = :sex
                                 order by id limit 1""")
                        .param("name", nameHash)
                        .param("institution", institution.id())
                        .param("sex", sex.name())
                        .query(Long.class)
                        .optional()
                        .ifPresent(other ->
                                possible.add(new RosterReport.PossibleDuplicate(line.line(), personKey(other))));
            }
            entries.add(new Entry(
                    known.orElse(null),
                    serviceNumber.strip(),
                    hash,
                    name,
                    nameHash,
                    institution,
                    !line.get("institution").isEmpty(),
                    unit,
                    rank,
                    sex,
                    vetting,
                    attended,
                    pre,
                    post,
                    certified));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int newPeople = (int) entries.stream().filter(e -> e.personId() == null).count();
        RosterReport report =
                new RosterReport(dryRun, entries.size(), newPeople, entries.size() - newPeople, List.copyOf(possible));
        if (dryRun) {
            return report;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Entry e : entries) {
            long person = e.personId() != null ? updatePerson(e) : insertPerson(e, now);
            int updated = jdbc.sql("""
                            update cap_participant
                               set vetting = :vetting, attended = :attended, pre_score = :pre, post_score = :post,
                                   certified = :certified, version = version + 1
                             where event_id = :event and person_id = :person""")
                    .param("vetting", e.vetting().name())
                    .param("attended", e.attended())
                    .param("pre", e.pre())
                    .param("post", e.post())
                    .param("certified", e.certified())
                    .param("event", eventId)
                    .param("person", person)
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                insert into cap_participant (event_id, person_id, vetting, attended, pre_score,
                                       post_score, certified, version)
                                values (:event, :person, :vetting, :attended, :pre, :post, :certified, 1)""")
                        .param("vetting", e.vetting().name())
                        .param("attended", e.attended())
                        .param("pre", e.pre())
                        .param("post", e.post())
                        .param("certified", e.certified())
                        .param("event", eventId)
                        .param("person", person)
                        .update();
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("participants", report.participants());
        fields.put("newPeople", report.newPeople());
        fields.put("possibleDuplicates", report.possibleDuplicates().size());
        audit.record(AuditAction.UPDATE, "cap_event", String.valueOf(eventId), fields);
        return report;
    }

    // ---------------------------------------------------------------- personnel

    /** A person by pseudonymous key, with the events of the user's scope they took part in. */
    public PersonView person(long id) {
        return jdbc.sql("""
                        select id, institution_id, unit_institution_id, rank_title, sex, in_service, mission_id,
                               country_code, version from cap_person where id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Long unit = Records.nullableLong(rs, "unit_institution_id");
                    return new PersonView(
                            rs.getLong("id"),
                            personKey(rs.getLong("id")),
                            rs.getLong("institution_id"),
                            Records.institutionName(institutions, rs.getLong("institution_id")),
                            unit,
                            unit == null ? null : Records.institutionName(institutions, unit),
                            rs.getString("rank_title"),
                            Sex.valueOf(rs.getString("sex")),
                            rs.getBoolean("in_service"),
                            Records.nullableLong(rs, "mission_id"),
                            rs.getString("country_code"),
                            List.of(),
                            rs.getInt("version"));
                })
                .optional()
                .filter(p -> AccessScope.current().canRead(p.missionId(), p.countryCode()))
                .map(p -> new PersonView(
                        p.id(),
                        p.key(),
                        p.institutionId(),
                        p.institutionName(),
                        p.unitInstitutionId(),
                        p.unitName(),
                        p.rank(),
                        p.sex(),
                        p.inService(),
                        p.missionId(),
                        p.countryCode(),
                        jdbc.sql("select event_id from cap_participant where person_id = :id order by event_id")
                                .param("id", id)
                                .query(Long.class)
                                .list(),
                        p.version()))
                .orElseThrow(() -> new NotFoundException("Person", id));
    }

    /** Marks a person as still in service or not (for the retention of trained personnel). */
    @Transactional
    public PersonView setInService(long id, int expectedVersion, boolean inService) {
        PersonView p = person(id);
        Records.requireWritable(p.missionId(), p.countryCode());
        int changed = jdbc.sql("""
                        update cap_person set in_service = :service, version = version + 1
                         where id = :id and version = :version""")
                .param("service", inService)
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Person", id);
        }
        audit.record(AuditAction.UPDATE, "cap_person", String.valueOf(id), Map.of("inService", inService));
        return person(id);
    }

    /** Whether the current user may reveal service numbers at all (their role). */
    public boolean mayReveal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(REVEALERS::contains);
    }

    /**
     * Decrypts a person's service number and name for an administrator, mission manager or data
     * steward whose scope covers the person; the reveal is written to the audit log (without the
     * values).
     */
    @Transactional
    public PersonIdentity reveal(long personId) {
        PersonView p = person(personId);
        if (!mayReveal()) {
            throw new ForbiddenException("Only administrators, mission managers and data stewards see service numbers");
        }
        Map<String, Object> row = jdbc.sql("select service_number_enc, name_enc from cap_person where id = :id")
                .param("id", personId)
                .query()
                .singleRow();
        audit.record(AuditAction.REVEAL, "cap_person", String.valueOf(p.id()), Map.of("revealed", "serviceNumber"));
        String name = (String) row.get("name_enc");
        return new PersonIdentity(
                personId,
                cipher.decrypt((String) row.get("service_number_enc")),
                name == null ? null : cipher.decrypt(name));
    }

    static String personKey(long personId) {
        return "P-" + personId;
    }

    // ---------------------------------------------------------------- internals

    private record Entry(
            @Nullable Long personId,
            String serviceNumber,
            String hash,
            @Nullable String name,
            @Nullable String nameHash,
            InstitutionView institution,
            boolean institutionGiven,
            @Nullable Long unit,
            @Nullable String rank,
            Sex sex,
            Vetting vetting,
            boolean attended,
            @Nullable BigDecimal pre,
            @Nullable BigDecimal post,
            boolean certified) {}

    private long insertPerson(Entry e, OffsetDateTime now) {
        return Records.insert(jdbc.sql("""
                        insert into cap_person (institution_id, unit_institution_id, rank_title, sex,
                               service_number_enc, service_number_hash, name_enc, name_hash, in_service, mission_id,
                               country_code, created_at, version)
                        values (:institution, :unit, :rank, :sex, :number, :hash, :name, :nameHash, true, :mission,
                               :country, :now, 1)""")
                .param("institution", e.institution().id())
                .param("unit", e.unit())
                .param("rank", e.rank())
                .param("sex", e.sex().name())
                .param("number", cipher.encrypt(e.serviceNumber()))
                .param("hash", e.hash())
                .param("name", e.name() == null ? null : cipher.encrypt(e.name()))
                .param("nameHash", e.nameHash())
                .param("mission", e.institution().missionId())
                .param("country", e.institution().countryCode())
                .param("now", now));
    }

    /**
     * A known person: an institution given on the roster replaces the stored one (with the unit given,
     * if any); otherwise the stored institution stays and a unit or rank given replaces the stored one.
     */
    private long updatePerson(Entry e) {
        long id = e.personId();
        if (e.institutionGiven()) {
            jdbc.sql("""
                            update cap_person set institution_id = :institution, unit_institution_id = :unit,
                                   mission_id = :mission, country_code = :country, version = version + 1
                             where id = :id""")
                    .param("institution", e.institution().id())
                    .param("unit", e.unit())
                    .param("mission", e.institution().missionId())
                    .param("country", e.institution().countryCode())
                    .param("id", id)
                    .update();
        } else if (e.unit() != null) {
            jdbc.sql("update cap_person set unit_institution_id = :unit, version = version + 1 where id = :id")
                    .param("unit", e.unit())
                    .param("id", id)
                    .update();
        }
        if (e.rank() != null) {
            jdbc.sql("update cap_person set rank_title = :rank, version = version + 1 where id = :id")
                    .param("rank", e.rank())
                    .param("id", id)
                    .update();
        }
        return id;
    }

    /** An institution by id, or by name or acronym (any case); under {@code parent} when it is set. */
    private Optional<InstitutionView> findInstitution(String text, @Nullable Long parent) {
        Optional<InstitutionView> found = Optional.empty();
        if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
            found = institutions.view(Long.parseLong(text));
        } else {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            List<InstitutionSummary> candidates = institutions
                    .list(
                            new InstitutionFilter(text.strip(), null, null, null, parent),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                    .items();
            found = candidates.stream()
                    .filter(i -> i.name().toLowerCase(Locale.ROOT).equals(wanted)
                            || (i.acronym() != null
                                    && i.acronym().toLowerCase(Locale.ROOT).equals(wanted)))
                    .findFirst()
                    .flatMap(i -> institutions.view(i.id()));
        }
        return found.filter(i -> AccessScope.current().canRead(i.missionId(), i.countryCode()))
                .filter(i -> parent == null || parent.equals(i.parentId()));
    }

    private CourseView validate(EventCommand command) {
        Validation v = new Validation()
                .required("courseId", command.courseId())
                .required("startsOn", command.startsOn())
                .required("endsOn", command.endsOn())
                .datesInOrder("startsOn", command.startsOn(), "endsOn", command.endsOn())
                .required(
                        "deliveredBy",
                        command.deliveredBy() == null || command.deliveredBy().isBlank() ? null : command.deliveredBy())
                .maxLength("deliveredBy", command.deliveredBy(), 300)
                .required("nationalTrainers", command.nationalTrainers())
                .between("nationalTrainers", command.nationalTrainers(), 0, 1000)
                .required("internationalTrainers", command.internationalTrainers())
                .between("internationalTrainers", command.internationalTrainers(), 0, 1000);
        CourseView course = null;
        if (command.courseId() != null) {
            try {
                course = courses.get(command.courseId());
            } catch (NotFoundException e) {
                v.coded(
                        "courseId",
                        "course " + command.courseId() + " does not exist",
                        "capacity.validation.courseNotFound");
            }
        }
        if (command.locationOrgUnitId() != null) {
            Optional<OrgUnitView> place = geography.findOrgUnit(command.locationOrgUnitId());
            if (place.isEmpty()) {
                v.coded(
                        "locationOrgUnitId",
                        "org unit " + command.locationOrgUnitId() + " does not exist",
                        "capacity.validation.orgUnitNotFound");
            } else if (course != null && !place.get().countryCode().equals(course.countryCode())) {
                v.coded(
                        "locationOrgUnitId",
                        "is not in the course's country " + course.countryCode(),
                        "capacity.validation.orgUnitCountry",
                        course.countryCode());
            }
        }
        v.throwIfInvalid();
        return java.util.Objects.requireNonNull(course);
    }

    private EventView event(ResultSet rs) throws SQLException {
        BigDecimal gain = rs.getBigDecimal("gain");
        return new EventView(
                rs.getLong("id"),
                rs.getLong("course_id"),
                rs.getString("title"),
                Competency.valueOf(rs.getString("competency")),
                rs.getLong("target_institution_id"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                Records.nullableLong(rs, "location_org_unit_id"),
                rs.getString("delivered_by"),
                rs.getInt("national_trainers"),
                rs.getInt("international_trainers"),
                Records.nullableLong(rs, "mission_id"),
                rs.getString("country_code"),
                rs.getLong("participants"),
                rs.getLong("attended"),
                rs.getLong("certified"),
                gain == null ? null : Math.round(gain.doubleValue() * 10) / 10.0,
                rs.getInt("version"));
    }

    private static Map<String, Object> eventFields(EventCommand command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("courseId", command.courseId());
        fields.put("startsOn", String.valueOf(command.startsOn()));
        fields.put("endsOn", String.valueOf(command.endsOn()));
        fields.put("nationalTrainers", command.nationalTrainers());
        fields.put("internationalTrainers", command.internationalTrainers());
        return fields;
    }

    private static void score(Validation v, String field, @Nullable BigDecimal score) {
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            v.coded(field, "must be between 0 and 100", "capacity.validation.score");
        }
    }

    private static @Nullable BigDecimal number(String text, String field, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(',', '.'));
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(problem(field, "must be between 0 and 100", "capacity.validation.score"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(problem(field, "is not a number", "capacity.roster.number"));
            return null;
        }
    }

    private static @Nullable Sex sex(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> Sex.FEMALE;
            case "M", "MALE" -> Sex.MALE;
            case "X", "O", "OTHER" -> Sex.OTHER;
            default -> null;
        };
    }

    private static @Nullable Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "oui", "o" -> Boolean.TRUE;
            case "no", "n", "false", "0", "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FieldProblem problem(String field, String message, String code) {
        return new FieldProblem(field, message, code, List.of());
    }
}
