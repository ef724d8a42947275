package org.bluehelm.complaint;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.complaint.CaseCommands.AddPerson;
import org.bluehelm.complaint.CaseCommands.CreateCase;
import org.bluehelm.complaint.CaseCommands.MoveCase;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.institution.OversightBodyService;
import org.bluehelm.institution.OversightBodyView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldCipher;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works a case: moves it through the workflow ({@link CaseWorkflow}) with optimistic locking,
 * records the people involved (encrypted, with duplicate detection by a keyed hash of the name),
 * internal notes, cases created by staff or imported from CSV, and the case officers of each
 * oversight body. Every change is in one transaction with its audit entry; a case the user may not
 * see is "not found" (see {@link CaseAccess}).
 */
@Service
public class CaseService {

    static final int MAX_NOTE = 5_000;
    static final List<String> IMPORT_COLUMNS =
            List.of("category", "description", "occurred_on", "country", "org_unit", "institution_id");

    private final JdbcClient jdbc;
    private final ComplaintService complaints;
    private final CaseAccess access;
    private final CaseDeadlines deadlines;
    private final FieldCipher cipher;
    private final NameHashes names;
    private final Receipts receipts;
    private final GeographyService geography;
    private final InstitutionService institutions;
    private final OversightBodyService bodies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final UserDetailsService users;
    private final Clock clock = Clock.systemUTC();

    CaseService(
            JdbcClient jdbc,
            ComplaintService complaints,
            CaseAccess access,
            CaseDeadlines deadlines,
            FieldCipher cipher,
            NameHashes names,
            Receipts receipts,
            GeographyService geography,
            InstitutionService institutions,
            OversightBodyService bodies,
            AuditLog audit,
            ApplicationEventPublisher events,
            UserDetailsService users) {
        this.users = users;
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.access = access;
        this.deadlines = deadlines;
        this.cipher = cipher;
        this.names = names;
        this.receipts = receipts;
        this.geography = geography;
        this.institutions = institutions;
        this.bodies = bodies;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Moves a case one step, if {@link CaseWorkflow} allows it and nobody moved it since the version
     * the user saw (otherwise a conflict). Closing a case SUBSTANTIATED publishes {@link
     * CaseSubstantiated}.
     */
    @Transactional
    public void move(long id, MoveCase step, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        ComplaintSummary s = complaints.visible(id, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        ComplaintState to = parse(ComplaintState.class, step.state(), "state", problems);
        Referral referral = parse(Referral.class, step.referral(), "referral", problems);
        CaseOutcome outcome = parse(CaseOutcome.class, step.outcome(), "outcome", problems);
        String handler = trim(step.handler());
        String note = trim(step.note());
        if (step.version() == null) {
            problems.add(problem("version", "is required", "complaint.error.required"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(problem("note", "must be at most 2000 characters", "complaint.error.tooLong"));
        }
        if (problems.isEmpty()) {
            problems.addAll(CaseWorkflow.check(
                    s.state(), to, step.oversightBodyId(), handler, referral, s.referral(), outcome));
        }
        if (problems.isEmpty() && to == ComplaintState.ASSIGNED) {
            checkAssignment(s, step.oversightBodyId(), handler, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = now();
        boolean assigning = to == ComplaintState.ASSIGNED;
        boolean closing = to == ComplaintState.CLOSED;
        int updated = jdbc.sql("""
                        update complaint set state = :to, stage_since = :now, stage_due = :due,
                            oversight_body_id = :body, handler = :handler, referral = :referral,
                            outcome = :outcome, closed_at = :closedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("to", to.name())
                .param("now", now)
                .param("due", deadlines.due(to, now.toLocalDate()))
                .param("body", assigning ? step.oversightBodyId() : s.oversightBodyId())
                .param("handler", assigning ? handler : s.handler())
                .param("referral", name(referral != null ? referral : s.referral()))
                .param("outcome", closing ? outcome.name() : null)
                .param("closedAt", closing ? now : null)
                .param("id", id)
                .param("version", step.version())
                .update();
        if (updated == 0) {
            throw ConflictException.staleVersion("Complaint", id);
        }
        complaints.recordTransition(id, s.state(), to, viewer.username(), note, now);
        Map<String, Object> summary = new HashMap<>();
        summary.put("from", s.state().name());
        summary.put("to", to.name());
        if (assigning) {
            summary.put("oversightBodyId", step.oversightBodyId());
            summary.put("handler", handler);
        }
        if (referral != null) {
            summary.put("referral", referral.name());
        }
        if (closing) {
            summary.put("outcome", outcome.name());
        }
        audit.record(AuditAction.UPDATE, "complaint", String.valueOf(id), summary);
        if (outcome == CaseOutcome.SUBSTANTIATED) {
            Set<Long> implicated = new LinkedHashSet<>();
            if (s.institutionId() != null) {
                implicated.add(s.institutionId());
            }
            implicated.addAll(jdbc.sql("""
                            select institution_id from complaint_person
                            where complaint_id = :id and role = 'ALLEGED_PERPETRATOR' and institution_id is not null""").param("id", id).query(Long.class).list());
            events.publishEvent(new CaseSubstantiated(id, s.category(), s.countryCode(), implicated, now));
        }
    }

    private void checkAssignment(
            ComplaintSummary s, @Nullable Long bodyId, @Nullable String handler, List<FieldProblem> problems) {
        Optional<OversightBodyView> body = bodyId == null ? Optional.empty() : bodies.view(bodyId);
        if (body.isEmpty() || !body.get().countryCode().equals(s.countryCode())) {
            problems.add(problem(
                    "oversightBodyId", "is not an oversight body of the case's country", "complaint.error.body"));
            return;
        }
        if (s.institutionId() != null && !body.get().institutionIds().contains(s.institutionId())) {
            problems.add(problem(
                    "oversightBodyId",
                    "does not oversee the institution of the case",
                    "complaint.error.bodyInstitution"));
            return;
        }
        long member = jdbc.sql("""
                        select count(*) from oversight_body_member
                        where oversight_body_id = :body and username = :username""")
                .param("body", bodyId)
                .param("username", handler)
                .query(Long.class)
                .single();
        if (member == 0) {
            problems.add(problem("handler", "is not a member of this oversight body", "complaint.error.handler"));
        }
    }

    /** Records what came of a case's referral, at any time once it has one (also when closed). */
    @Transactional
    public void recordReferralResult(long id, @Nullable Integer version, @Nullable String result, AccessScope scope) {
        ComplaintSummary s = complaints.visible(id, access.viewer(scope));
        List<FieldProblem> problems = new ArrayList<>();
        Referral.Result parsed = parse(Referral.Result.class, result, "referralResult", problems);
        if (parsed == null && problems.isEmpty()) {
            problems.add(problem("referralResult", "is required", "complaint.error.required"));
        }
        if (!CaseWorkflow.mayRecordReferralResult(s.referral())) {
            problems.add(problem("referralResult", "the case has no referral", "complaint.error.noReferral"));
        }
        if (version == null) {
            problems.add(problem("version", "is required", "complaint.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int updated = jdbc.sql("""
                        update complaint set referral_result = :result, version = version + 1
                        where id = :id and version = :version""")
                .param("result", parsed.name())
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw ConflictException.staleVersion("Complaint", id);
        }
        audit.record(AuditAction.UPDATE, "complaint", String.valueOf(id), Map.of("referralResult", parsed.name()));
    }

    /**
     * Adds a person involved. When the name is already recorded in a case the user may see and the
     * user has not yet chosen, nothing is added and the matches are returned; the user then links
     * the person to one of them or creates a new one anyway.
     */
    @Transactional
    public PersonResult addPerson(long id, AddPerson person, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        complaints.visible(id, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        PersonRole role = parse(PersonRole.class, person.role(), "role", problems);
        if (role == null && problems.isEmpty()) {
            problems.add(problem("role", "is required", "complaint.error.required"));
        }
        String name = trim(person.name());
        String contact = trim(person.contact());
        if (person.institutionId() != null) {
            if (role != null && role != PersonRole.ALLEGED_PERPETRATOR) {
                problems.add(problem(
                        "institutionId", "only an alleged perpetrator may be a unit", "complaint.error.unitRole"));
            } else if (institutions.view(person.institutionId()).isEmpty()) {
                problems.add(problem("institutionId", "is not an institution", "complaint.error.institution"));
            }
        } else if (name == null) {
            problems.add(problem("name", "is required", "complaint.error.required"));
        }
        if (name != null && name.length() > 200) {
            problems.add(problem("name", "must be at most 200 characters", "complaint.error.tooLong"));
        }
        if (contact != null && contact.length() > 200) {
            problems.add(problem("contact", "must be at most 200 characters", "complaint.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String hash = names.hash(name);
        Long sameAs = null;
        if (hash != null) {
            List<PersonResult.Match> matches = matches(viewer, hash);
            String choice = trim(person.duplicate());
            if (!matches.isEmpty() && choice == null) {
                return new PersonResult(null, matches);
            }
            if ("link".equals(choice)) {
                if (matches.stream().noneMatch(m -> m.personId() == person.linkTo())) {
                    throw new InvalidInputException(
                            List.of(problem("linkTo", "is not a person with this name", "complaint.error.linkTo")));
                }
                sameAs = person.linkTo();
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into complaint_person (complaint_id, role, institution_id, name_enc, contact_enc,
                            name_hash, same_as_id, created_by, created_at)
                        values (:id, :role, :institution, :name, :contact, :hash, :sameAs, :by, :at)""")
                .param("id", id)
                .param("role", role.name())
                .param("institution", person.institutionId())
                .param("name", name == null ? null : cipher.encrypt(name))
                .param("contact", contact == null ? null : cipher.encrypt(contact))
                .param("hash", hash)
                .param("sameAs", sameAs)
                .param("by", viewer.username())
                .param("at", now())
                .update(keys, "id");
        long personId = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> summary = new HashMap<>();
        summary.put("complaint", id);
        summary.put("role", role.name());
        if (person.institutionId() != null) {
            summary.put("institution", person.institutionId());
        }
        if (sameAs != null) {
            summary.put("sameAs", sameAs);
        }
        audit.record(AuditAction.CREATE, "complaint_person", String.valueOf(personId), summary);
        return new PersonResult(personId, List.of());
    }

    private List<PersonResult.Match> matches(CaseAccess.Viewer viewer, String hash) {
        Map<String, Object> params = new HashMap<>();
        String where = access.condition(viewer, params);
        return jdbc.sql("select p.id as person_id, p.complaint_id, p.role from complaint_person p"
                        + " join complaint c on c.id = p.complaint_id where p.name_hash = :hash and " + where
                        + " order by p.id")
                .params(params)
                .param("hash", hash)
                .query(PersonResult.Match.class)
                .list();
    }

    /** Decrypts a person's name and contact for a user who may reveal identities in the case; recorded. */
    @Transactional
    public PersonIdentity revealPerson(long id, long personId, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        complaints.revealable(id, viewer);
        Map<String, Object> row = jdbc.sql("""
                        select role, name_enc, contact_enc from complaint_person
                        where id = :person and complaint_id = :id""").param("person", personId).param("id", id).query().listOfRows().stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Person", personId));
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into complaint_identity_reveal (complaint_id, person_id, username, revealed_at)
                        values (:id, :person, :username, :at)""")
                .param("id", id)
                .param("person", personId)
                .param("username", viewer.username())
                .param("at", now)
                .update();
        audit.record(
                AuditAction.REVEAL,
                "complaint_person",
                String.valueOf(personId),
                Map.of("complaint", id, "revealed", "identity"));
        String name = (String) row.get("name_enc");
        String contact = (String) row.get("contact_enc");
        return new PersonIdentity(
                personId,
                PersonRole.valueOf((String) row.get("role")),
                name == null ? null : cipher.decrypt(name),
                contact == null ? null : cipher.decrypt(contact),
                viewer.username(),
                now);
    }

    /** Adds an internal note, seen by staff only (never on the reporter's follow page). */
    @Transactional
    public void addNote(long id, @Nullable String body, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        complaints.visible(id, viewer);
        String text = trim(body);
        if (text == null) {
            throw new InvalidInputException(List.of(problem("note", "is required", "complaint.error.required")));
        }
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException(
                    List.of(problem("note", "must be at most 5000 characters", "complaint.error.tooLong")));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into complaint_note (complaint_id, username, body, written_at)
                        values (:id, :username, :body, :at)""")
                .param("id", id)
                .param("username", viewer.username())
                .param("body", text)
                .param("at", now())
                .update(keys, "id");
        audit.record(
                AuditAction.CREATE,
                "complaint_note",
                String.valueOf(keys.getKeyAs(Number.class).longValue()),
                Map.of("complaint", id));
    }

    /** Creates a case from a staff member (source STAFF); only administrators and mission managers. */
    @Transactional
    public long create(CreateCase command, AccessScope scope) {
        CaseAccess.Viewer viewer = mayCreate(scope);
        List<FieldProblem> problems = new ArrayList<>();
        NewCase c = validate(command, viewer, "", Fields.REQUEST, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(c, CaseSource.STAFF, viewer.username());
    }

    /**
     * Imports cases from CSV (header {@code category,description,occurred_on,country,org_unit,
     * institution_id}; org_unit is an org unit code). Every line is checked first; any problem,
     * named by its line, and nothing is written. A dry run only checks. Returns the number of cases
     * imported (or that would be).
     */
    @Transactional
    public int importCsv(Reader csv, boolean dryRun, AccessScope scope) throws IOException {
        CaseAccess.Viewer viewer = mayCreate(scope);
        List<FieldProblem> problems = new ArrayList<>();
        List<NewCase> cases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> missing = IMPORT_COLUMNS.stream()
                    .filter(h -> !parser.getHeaderNames().contains(h))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        "line 1",
                        "missing columns: " + String.join(", ", missing),
                        "complaint.error.columns",
                        List.of(String.join(", ", missing)))));
            }
            for (CSVRecord r : parser) {
                String line = "line " + parser.getCurrentLineNumber() + " ";
                Long institutionId = null;
                String institutionText = trim(r.get("institution_id"));
                if (institutionText != null) {
                    try {
                        institutionId = Long.valueOf(institutionText);
                    } catch (NumberFormatException e) {
                        problems.add(problem(line + "institution_id", "is not a number", "complaint.error.number"));
                        institutionId = -1L;
                    }
                }
                CreateCase command = new CreateCase(
                        r.get("category"),
                        r.get("description"),
                        r.get("occurred_on"),
                        r.get("country"),
                        r.get("org_unit"),
                        institutionId);
                cases.add(validate(command, viewer, line, Fields.COLUMNS, problems));
            }
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(problem("file", "contains no case", "complaint.error.empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!dryRun) {
            for (NewCase c : cases) {
                insert(c, CaseSource.IMPORT, viewer.username());
            }
        }
        return cases.size();
    }

    private CaseAccess.Viewer mayCreate(AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        if (!viewer.seesAllInScope()) {
            throw new NotFoundException("Complaint", "new");
        }
        return viewer;
    }

    /** A case checked and ready to store. */
    private record NewCase(
            ComplaintCategory category,
            String description,
            @Nullable LocalDate occurredOn,
            String country,
            @Nullable Long orgUnitId,
            @Nullable Long institutionId,
            @Nullable String institutionName) {}

    /**
     * The names problems give the fields a complaint is made of: the request's own for the API and
     * the form, the file's columns for an import.
     */
    private record Fields(String occurredOn, String country, String orgUnit, String institution) {
        static final Fields REQUEST = new Fields("occurredOn", "countryCode", "orgUnitCode", "institutionId");
        static final Fields COLUMNS = new Fields("occurred_on", "country", "org_unit", "institution_id");
    }

    private @Nullable NewCase validate(
            CreateCase c, CaseAccess.Viewer viewer, String prefix, Fields fields, List<FieldProblem> problems) {
        int before = problems.size();
        ComplaintCategory category = parse(ComplaintCategory.class, c.category(), prefix + "category", problems);
        if (category == null && problems.size() == before) {
            problems.add(problem(prefix + "category", "is required", "complaint.error.required"));
        }
        String description = trim(c.description());
        if (description == null) {
            problems.add(problem(prefix + "description", "is required", "complaint.error.required"));
        } else if (description.length() > ComplaintService.MAX_DESCRIPTION) {
            problems.add(
                    problem(prefix + "description", "must be at most 10000 characters", "complaint.error.tooLong"));
        }
        LocalDate occurredOn = null;
        String when = trim(c.occurredOn());
        if (when != null) {
            try {
                occurredOn = LocalDate.parse(when);
                if (occurredOn.isAfter(LocalDate.now(clock).plusDays(1))) {
                    problems.add(problem(
                            prefix + fields.occurredOn(), "must not be in the future", "complaint.error.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(
                        problem(prefix + fields.occurredOn(), "must be a date (yyyy-mm-dd)", "complaint.error.date"));
            }
        }
        String country = trim(c.countryCode());
        if (country == null) {
            problems.add(problem(prefix + fields.country(), "is required", "complaint.error.required"));
        } else if (!geography.countryExists(country)) {
            problems.add(problem(prefix + fields.country(), "is not a country", "complaint.error.country"));
            country = null;
        } else if (!access.canSee(viewer, country, null)) {
            problems.add(problem(prefix + fields.country(), "is outside your scope", "complaint.error.scope"));
            country = null;
        }
        Long orgUnitId = null;
        String unitCode = trim(c.orgUnitCode());
        if (unitCode != null) {
            Optional<OrgUnitView> unit = geography.findOrgUnitByCodeAnyCase(unitCode);
            if (unit.isEmpty() || (country != null && !unit.get().countryCode().equals(country))) {
                problems.add(problem(
                        prefix + fields.orgUnit(), "is not a place of this country", "complaint.error.orgUnit"));
            } else {
                orgUnitId = unit.get().id();
            }
        }
        String institutionName = null;
        if (c.institutionId() != null) {
            Optional<InstitutionView> institution = institutions.view(c.institutionId());
            if (institution.isEmpty()
                    || (country != null && !institution.get().countryCode().equals(country))) {
                problems.add(problem(
                        prefix + fields.institution(),
                        "is not an institution of this country",
                        "complaint.error.institution"));
            } else {
                institutionName = institution.get().name();
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new NewCase(category, description, occurredOn, country, orgUnitId, c.institutionId(), institutionName);
    }

    private long insert(NewCase c, CaseSource source, String username) {
        OffsetDateTime now = now();
        var keys = new GeneratedKeyHolder();
        // staff and imported cases have no reporter to give a receipt to: a random one is hashed and forgotten
        jdbc.sql("""
                        insert into complaint (receipt_hash, state, category, description, occurred_on, country_code,
                            org_unit_id, institution, institution_id, anonymous, received_at, source, stage_since,
                            stage_due)
                        values (:hash, 'RECEIVED', :category, :description, :occurredOn, :country, :orgUnit,
                            :institution, :institutionId, true, :now, :source, :now, :due)""")
                .param("hash", receipts.hash(receipts.newReceipt()))
                .param("category", c.category().name())
                .param("description", c.description())
                .param("occurredOn", c.occurredOn())
                .param("country", c.country())
                .param("orgUnit", c.orgUnitId())
                .param("institution", c.institutionName())
                .param("institutionId", c.institutionId())
                .param("now", now)
                .param("source", source.name())
                .param("due", deadlines.due(ComplaintState.RECEIVED, now.toLocalDate()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        complaints.recordTransition(id, null, ComplaintState.RECEIVED, username, null, now);
        audit.record(
                AuditAction.CREATE,
                "complaint",
                String.valueOf(id),
                Map.of("source", source.name(), "category", c.category().name()));
        return id;
    }

    /** The oversight bodies the user may manage the members of, with their members. */
    @Transactional(readOnly = true)
    public List<String> members(long bodyId, AccessScope scope) {
        mayManageMembers(bodyId, scope);
        return jdbc.sql("select username from oversight_body_member where oversight_body_id = :b order by username")
                .param("b", bodyId)
                .query(String.class)
                .list();
    }

    /** Makes a user a case officer of an oversight body (administrators and mission managers in scope). */
    @Transactional
    public void addMember(long bodyId, @Nullable String username, AccessScope scope) {
        CaseAccess.Viewer viewer = mayManageMembers(bodyId, scope);
        String user = trim(username);
        if (user == null) {
            throw new InvalidInputException(List.of(problem("username", "is required", "complaint.error.required")));
        }
        if (!userExists(user)) {
            throw new InvalidInputException(List.of(problem("username", "is not a user", "complaint.error.user")));
        }
        long existing = jdbc.sql(
                        "select count(*) from oversight_body_member where oversight_body_id = :b and username = :u")
                .param("b", bodyId)
                .param("u", user)
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                        insert into oversight_body_member (oversight_body_id, username, added_by, added_at)
                        values (:b, :u, :by, :at)""")
                .param("b", bodyId)
                .param("u", user)
                .param("by", viewer.username())
                .param("at", now())
                .update();
        audit.record(AuditAction.CREATE, "oversight_body_member", bodyId + ":" + user, Map.of("body", bodyId));
    }

    @Transactional
    public void removeMember(long bodyId, String username, AccessScope scope) {
        mayManageMembers(bodyId, scope);
        int removed = jdbc.sql("delete from oversight_body_member where oversight_body_id = :b and username = :u")
                .param("b", bodyId)
                .param("u", username)
                .update();
        if (removed > 0) {
            audit.record(AuditAction.DELETE, "oversight_body_member", bodyId + ":" + username, Map.of("body", bodyId));
        }
    }

    private boolean userExists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    private CaseAccess.Viewer mayManageMembers(long bodyId, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        if (!viewer.seesAllInScope() || bodies.view(bodyId).isEmpty()) {
            throw new NotFoundException("Oversight body", bodyId);
        }
        return viewer;
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, @Nullable String text, String field, List<FieldProblem> problems) {
        String t = trim(text);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            problems.add(
                    new FieldProblem(field, "is not one of the allowed values", "complaint.error.value", List.of()));
            return null;
        }
    }

    private static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static FieldProblem problem(String field, String message, String code) {
        return new FieldProblem(field, message, code, List.of());
    }

    /** An oversight body a case may be assigned to, with its case officers (the possible handlers). */
    public record BodyChoice(long id, String name, List<String> officers) {}

    /** An institution or unit a case or an alleged perpetrator may name. */
    public record InstitutionChoice(long id, String name, String countryCode) {}

    /**
     * The oversight bodies of a country with their case officers, those overseeing the institution
     * (when given) first: the choices of the assignment form.
     */
    @Transactional(readOnly = true)
    public List<BodyChoice> assignmentChoices(@Nullable String countryCode, @Nullable Long institutionId) {
        if (countryCode == null) {
            return List.of();
        }
        Map<Long, List<String>> officers = new HashMap<>();
        jdbc.sql("""
                        select m.oversight_body_id, m.username from oversight_body_member m
                        join oversight_body b on b.id = m.oversight_body_id
                        where b.country_code = :c order by m.username""").param("c", countryCode).query(rs -> {
            officers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql("""
                        select b.id, b.name, case when exists (select 1 from oversight_body_institution o
                            where o.oversight_body = b.id and o.institution = :i) then 0 else 1 end as rank
                        from oversight_body b where b.country_code = :c order by rank, b.name""")
                .param("c", countryCode)
                .param("i", institutionId == null ? -1L : institutionId)
                .query((rs, n) -> new BodyChoice(
                        rs.getLong("id"), rs.getString("name"), officers.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Institutions and units in the user's scope (of one country, when given), by name; at most 1,000. */
    @Transactional(readOnly = true)
    public List<InstitutionChoice> institutionChoices(@Nullable String countryCode, AccessScope scope) {
        AccessScope.Filter filter = scope.filter("i.mission_id", "i.country_code");
        var statement = jdbc.sql("select i.id, i.name, i.country_code from institution i where " + filter.sql()
                + (countryCode == null ? "" : " and i.country_code = :c") + " order by i.name, i.id limit 1000");
        filter.params().forEach(statement::param);
        if (countryCode != null) {
            statement = statement.param("c", countryCode);
        }
        return statement
                .query((rs, n) -> new InstitutionChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
