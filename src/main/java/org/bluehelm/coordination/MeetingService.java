package org.bluehelm.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bluehelm.actor.ActorService;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.coordination.MeetingRecords.ActionItemCommand;
import org.bluehelm.coordination.MeetingRecords.ActionItemView;
import org.bluehelm.coordination.MeetingRecords.ActionStatus;
import org.bluehelm.coordination.MeetingRecords.DocumentKind;
import org.bluehelm.coordination.MeetingRecords.DocumentSummary;
import org.bluehelm.coordination.MeetingRecords.DocumentVersionView;
import org.bluehelm.coordination.MeetingRecords.Download;
import org.bluehelm.coordination.MeetingRecords.MeetingCommand;
import org.bluehelm.coordination.MeetingRecords.MeetingSummary;
import org.bluehelm.coordination.MeetingRecords.MeetingView;
import org.bluehelm.coordination.MeetingRecords.Participant;
import org.bluehelm.coordination.MeetingRecords.Upload;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.identity.UserService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordination meetings (participants, agenda, decisions), their action items, and shared documents
 * kept with every version. Read and changed within the user's scope; every change is audited. An
 * action item is overdue when it is open and its due date has passed; its owner sees it in "my
 * action items" and counted in the navigation.
 */
@Service
@Transactional(readOnly = true)
public class MeetingService {

    /** Largest document version accepted. */
    public static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    /** File types a shared document may have, by extension, with the content type stored. */
    static final Map<String, String> DOCUMENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "odt", "application/vnd.oasis.opendocument.text",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "txt", "text/plain",
            "md", "text/markdown");

    private final JdbcClient jdbc;
    private final ActorService actors;
    private final GeographyService geography;
    private final MissionService missions;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    MeetingService(
            JdbcClient jdbc,
            ActorService actors,
            GeographyService geography,
            MissionService missions,
            UserService users,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.geography = geography;
        this.missions = missions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- meetings

    /** API sort keys of {@link #meetings(String, PageQuery)}. */
    public static final Map<String, String> MEETING_SORTS = Map.of(
            "id", "m.id",
            "heldOn", "m.held_on",
            "title", "m.title",
            "country", "m.country_code");

    /** The meetings in the user's scope, latest first (at most 500). */
    public List<MeetingSummary> meetings() {
        return meetings(null, new PageQuery(0, 500, "m.held_on desc")).items();
    }

    /** One page of the meetings in the user's scope whose title or agenda contains {@code search}. */
    public PageResponse<MeetingSummary> meetings(@Nullable String search, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("m.mission_id", "m.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(m.title) like :q or lower(coalesce(m.agenda, '')) like :q)");
            params.put("q", SearchText.containing(search));
        }
        long total = jdbc.sql("select count(*) from coordination_meeting m" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<MeetingSummary> items = jdbc.sql(
                        """
                        select m.id, m.title, m.held_on, m.country_code,
                               (select count(*) from coordination_meeting_participant p where p.meeting_id = m.id)
                                   as participants,
                               (select count(*) from coordination_action_item a
                                 where a.meeting_id = m.id and a.status = 'OPEN') as open_items
                          from coordination_meeting m""" + where + " order by " + page.orderBy() + ", m.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new MeetingSummary(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("country_code"),
                        rs.getInt("participants"),
                        rs.getInt("open_items")))
                .list();
        return PageResponse.of(items, page, total);
    }

    public MeetingView meeting(long id) {
        Scoped m = readableMeeting(id);
        record Row(String title, LocalDate heldOn, @Nullable String agenda, String createdBy, int version) {}
        Row row = jdbc.sql(
                        "select title, held_on, agenda, created_by, version from coordination_meeting where id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getString("title"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("agenda"),
                        rs.getString("created_by"),
                        rs.getInt("version")))
                .single();
        List<Participant> participants = jdbc
                .sql("select actor_id from coordination_meeting_participant where meeting_id = :id order by actor_id")
                .param("id", id)
                .query(Long.class)
                .list()
                .stream()
                .map(a -> new Participant(
                        a, actors.view(a).map(CoordinationService::actorName).orElse(null)))
                .toList();
        List<String> decisions = jdbc.sql(
                        "select text from coordination_decision where meeting_id = :id order by position")
                .param("id", id)
                .query(String.class)
                .list();
        return new MeetingView(
                id,
                row.title(),
                row.heldOn(),
                m.countryCode(),
                m.missionId(),
                row.agenda(),
                participants,
                decisions,
                actionItems(" where a.meeting_id = :id", Map.of("id", id)),
                row.createdBy(),
                row.version());
    }

    @Transactional
    public MeetingView recordMeeting(MeetingCommand c) {
        String country =
                c.countryCode() == null ? null : c.countryCode().strip().toUpperCase(Locale.ROOT);
        Validation v = new Validation()
                .required("title", c.title())
                .maxLength("title", c.title(), 300)
                .required("heldOn", c.heldOn())
                .required("countryCode", country)
                .iso3("countryCode", country)
                .maxLength("agenda", c.agenda(), 8000);
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded("countryCode", "country " + country + " does not exist", "coordination.validation.noCountry");
        }
        if (c.missionId() != null
                && (!missions.exists(c.missionId())
                        || (country != null
                                && !missions.hostCountries(Set.of(c.missionId()))
                                        .contains(country)))) {
            v.coded(
                    "missionId",
                    "mission " + c.missionId() + " is not hosted by " + country,
                    "coordination.validation.missionNotHosted",
                    String.valueOf(country));
        }
        List<Long> participants = c.participantIds() == null ? List.of() : c.participantIds();
        for (int i = 0; i < participants.size(); i++) {
            Long actor = participants.get(i);
            if (actor == null || actors.view(actor).isEmpty()) {
                v.coded(
                        "participantIds[" + i + "]",
                        "actor " + actor + " does not exist",
                        "coordination.validation.actorNotFound");
            }
        }
        List<String> decisions = c.decisions() == null
                ? List.of()
                : c.decisions().stream()
                        .filter(d -> d != null && !d.isBlank())
                        .map(String::strip)
                        .toList();
        for (int i = 0; i < decisions.size(); i++) {
            v.maxLength("decisions[" + i + "]", decisions.get(i), 2000);
        }
        v.throwIfInvalid();
        requireWritable(c.missionId(), country);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into coordination_meeting (title, held_on, country_code, mission_id, agenda, created_by,
                               created_at, version)
                        values (:title, :heldOn, :country, :mission, :agenda, :me, :now, 1)
                        """)
                .param("title", c.title().strip())
                .param("heldOn", c.heldOn())
                .param("country", country)
                .param("mission", c.missionId())
                .param(
                        "agenda",
                        c.agenda() == null || c.agenda().isBlank()
                                ? null
                                : c.agenda().strip())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        for (Long actor : participants.stream().distinct().toList()) {
            jdbc.sql("insert into coordination_meeting_participant (meeting_id, actor_id) values (:m, :a)")
                    .param("m", id)
                    .param("a", actor)
                    .update();
        }
        for (int i = 0; i < decisions.size(); i++) {
            jdbc.sql("insert into coordination_decision (meeting_id, position, text) values (:m, :p, :t)")
                    .param("m", id)
                    .param("p", i)
                    .param("t", decisions.get(i))
                    .update();
        }
        audit.record(
                AuditAction.CREATE,
                "coordination_meeting",
                String.valueOf(id),
                Map.of("countryCode", country, "participants", participants.size(), "decisions", decisions.size()));
        return meeting(id);
    }

    // ---------------------------------------------------------------- action items

    @Transactional
    public ActionItemView addActionItem(long meetingId, ActionItemCommand c) {
        Scoped m = readableMeeting(meetingId);
        Validation v = new Validation()
                .required("text", c.text())
                .maxLength("text", c.text(), 2000)
                .required("dueDate", c.dueDate());
        String owner = c.ownerUsername() == null || c.ownerUsername().isBlank()
                ? null
                : c.ownerUsername().strip();
        if (owner == null && c.ownerActorId() == null) {
            v.coded("ownerUsername", "name a user or an actor who owns the item", "coordination.validation.owner");
        }
        if (owner != null) {
            try {
                users.byUsername(owner);
            } catch (NotFoundException e) {
                v.coded(
                        "ownerUsername",
                        "no user is named '" + owner + "'",
                        "coordination.validation.unknownUser",
                        owner);
            }
        }
        if (c.ownerActorId() != null && actors.view(c.ownerActorId()).isEmpty()) {
            v.coded(
                    "ownerActorId",
                    "actor " + c.ownerActorId() + " does not exist",
                    "coordination.validation.actorNotFound");
        }
        v.throwIfInvalid();
        requireWritable(m.missionId(), m.countryCode());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into coordination_action_item (meeting_id, text, owner_username, owner_actor_id, due_date,
                               status, version)
                        values (:m, :text, :owner, :actor, :due, 'OPEN', 1)
                        """)
                .param("m", meetingId)
                .param("text", c.text().strip())
                .param("owner", owner)
                .param("actor", c.ownerActorId())
                .param("due", c.dueDate())
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        audit.record(
                AuditAction.CREATE,
                "coordination_action_item",
                String.valueOf(id),
                Map.of("meeting", meetingId, "due", c.dueDate().toString()));
        return actionItem(id);
    }

    @Transactional
    public ActionItemView setStatus(long itemId, int expectedVersion, @Nullable ActionStatus status) {
        ActionItemView item = actionItem(itemId);
        new Validation().required("status", status).throwIfInvalid();
        Scoped m = readableMeeting(item.meetingId());
        requireWritable(m.missionId(), m.countryCode());
        int changed = jdbc.sql("""
                        update coordination_action_item set status = :status, version = version + 1
                         where id = :id and version = :version""")
                .param("status", status.name())
                .param("id", itemId)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Action item", itemId);
        }
        audit.record(
                AuditAction.UPDATE,
                "coordination_action_item",
                String.valueOf(itemId),
                Map.of("status", status.name()));
        return actionItem(itemId);
    }

    /** The action items the signed-in user owns, overdue and open ones first. */
    /** API sort keys of {@link #myActionItems(String, PageQuery)}; {@code open} puts the open items first. */
    public static final Map<String, String> ACTION_ITEM_SORTS = Map.of(
            "id", "a.id",
            "open", "case when a.status = 'OPEN' then 0 else 1 end",
            "dueDate", "a.due_date",
            "status", "a.status",
            "meeting", "m.title");

    /** The signed-in user's action items, the open ones first, then by due date. */
    public List<ActionItemView> myActionItems() {
        return myActionItems(null, new PageQuery(0, Integer.MAX_VALUE, ACTION_ITEM_SORTS.get("open") + " asc"))
                .items();
    }

    /**
     * One page of the signed-in user's action items whose text or meeting title contains
     * {@code search}, then by due date.
     */
    public PageResponse<ActionItemView> myActionItems(@Nullable String search, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("m.mission_id", "m.country_code");
        StringBuilder where = new StringBuilder(" where a.owner_username = :me");
        Map<String, Object> params = new HashMap<>();
        params.put("me", AccessScope.current().username());
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(a.text) like :q or lower(m.title) like :q)");
            params.put("q", SearchText.containing(search));
        }
        Map<String, Object> countParams = new HashMap<>(scope.params());
        countParams.putAll(params);
        long total = jdbc.sql("select count(*) from coordination_action_item a"
                        + " join coordination_meeting m on m.id = a.meeting_id" + where + " and " + scope.sql())
                .params(countParams)
                .query(Long.class)
                .single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ActionItemView> items = actionItems(
                where.toString(),
                params,
                " order by " + page.orderBy() + ", a.due_date, a.id limit :limit offset :offset");
        return PageResponse.of(items, page, total);
    }

    /** How many open action items of the signed-in user are past their due date. */
    public long overdueCountForCurrentUser() {
        AccessScope.Filter scope = AccessScope.current().filter("m.mission_id", "m.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("me", AccessScope.current().username());
        params.put("today", LocalDate.now(clock));
        return jdbc.sql("""
                        select count(*) from coordination_action_item a
                          join coordination_meeting m on m.id = a.meeting_id
                         where a.owner_username = :me and a.status = 'OPEN' and a.due_date < :today and """ + " " + scope.sql())
                .params(params)
                .query(Long.class)
                .single();
    }

    private ActionItemView actionItem(long id) {
        List<ActionItemView> items = actionItems(" where a.id = :id", Map.of("id", id));
        if (items.isEmpty()) {
            throw new NotFoundException("Action item", id);
        }
        return items.get(0);
    }

    private List<ActionItemView> actionItems(String where, Map<String, Object> extra) {
        return actionItems(where, extra, " order by a.due_date, a.id");
    }

    private List<ActionItemView> actionItems(String where, Map<String, Object> extra, String order) {
        AccessScope.Filter scope = AccessScope.current().filter("m.mission_id", "m.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(extra);
        LocalDate today = LocalDate.now(clock);
        Map<Long, @Nullable String> actorNames = new HashMap<>();
        return jdbc.sql("""
                        select a.id, a.meeting_id, m.title, a.text, a.owner_username, a.owner_actor_id, a.due_date,
                               a.status, a.version
                          from coordination_action_item a
                          join coordination_meeting m on m.id = a.meeting_id""" + where + " and " + scope.sql() + order)
                .params(params)
                .query((rs, n) -> {
                    Long actor = nullableLong(rs, "owner_actor_id");
                    ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    String actorName = null;
                    if (actor != null) {
                        if (!actorNames.containsKey(actor)) {
                            actorNames.put(
                                    actor,
                                    actors.view(actor)
                                            .map(CoordinationService::actorName)
                                            .orElse(null));
                        }
                        actorName = actorNames.get(actor);
                    }
                    return new ActionItemView(
                            rs.getLong("id"),
                            rs.getLong("meeting_id"),
                            rs.getString("title"),
                            rs.getString("text"),
                            rs.getString("owner_username"),
                            actor,
                            actorName,
                            due,
                            status,
                            status == ActionStatus.OPEN && due.isBefore(today),
                            rs.getInt("version"));
                })
                .list();
    }

    // ---------------------------------------------------------------- documents

    /** API sort keys of {@link #documents(String, PageQuery)}. */
    public static final Map<String, String> DOCUMENT_SORTS = Map.of(
            "id", "d.id",
            "title", "d.title",
            "kind", "d.kind",
            "country", "d.country_code");

    /** The documents in the user's scope by title (at most 500). */
    public List<DocumentSummary> documents() {
        return documents(null, new PageQuery(0, 500, "d.title asc")).items();
    }

    /** One page of the documents in the user's scope whose title contains {@code search}. */
    public PageResponse<DocumentSummary> documents(@Nullable String search, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (search != null && !search.isBlank()) {
            where.append(" and lower(d.title) like :q");
            params.put("q", SearchText.containing(search));
        }
        long total = jdbc.sql("select count(*) from coordination_document d" + where)
                .params(params)
                .query(Long.class)
                .single();
        record Row(
                long id,
                String title,
                DocumentKind kind,
                String country,
                @Nullable Long mission) {}
        List<Row> rows = jdbc.sql("select d.id, d.title, d.kind, d.country_code, d.mission_id"
                        + " from coordination_document d" + where + " order by " + page.orderBy()
                        + ", d.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("title"),
                        DocumentKind.valueOf(rs.getString("kind")),
                        rs.getString("country_code"),
                        nullableLong(rs, "mission_id")))
                .list();
        List<DocumentSummary> documents = new ArrayList<>();
        for (Row r : rows) {
            documents.add(new DocumentSummary(r.id(), r.title(), r.kind(), r.country(), r.mission(), versions(r.id())));
        }
        return PageResponse.of(documents, page, total);
    }

    public DocumentSummary document(long id) {
        Scoped d = readableDocument(id);
        return documents().stream()
                .filter(x -> x.id() == d.id())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Document", id));
    }

    @Transactional
    public DocumentSummary createDocument(
            @Nullable String title,
            @Nullable DocumentKind kind,
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable Upload file,
            @Nullable String note) {
        String country = countryCode == null ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        Validation v = new Validation()
                .required("title", title)
                .maxLength("title", title, 300)
                .required("kind", kind)
                .required("countryCode", country)
                .iso3("countryCode", country);
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded("countryCode", "country " + country + " does not exist", "coordination.validation.noCountry");
        }
        if (missionId != null && !missions.exists(missionId)) {
            v.coded("missionId", "mission " + missionId + " does not exist", "coordination.validation.missionNotFound");
        }
        String contentType = checkFile(v, file);
        v.maxLength("note", note, 1000).throwIfInvalid();
        requireWritable(missionId, country);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into coordination_document (title, kind, country_code, mission_id, created_by, created_at)
                        values (:title, :kind, :country, :mission, :me, :now)
                        """)
                .param("title", title.strip())
                .param("kind", kind.name())
                .param("country", country)
                .param("mission", missionId)
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        insertVersion(id, 1, file, contentType, note);
        audit.record(AuditAction.CREATE, "coordination_document", String.valueOf(id), Map.of("kind", kind.name()));
        return document(id);
    }

    @Transactional
    public DocumentSummary addVersion(long documentId, @Nullable Upload file, @Nullable String note) {
        Scoped d = readableDocument(documentId);
        Validation v = new Validation();
        String contentType = checkFile(v, file);
        v.maxLength("note", note, 1000).throwIfInvalid();
        requireWritable(d.missionId(), d.countryCode());
        int next = jdbc.sql(
                        "select coalesce(max(number), 0) + 1 from coordination_document_version where document_id = :d")
                .param("d", documentId)
                .query(Integer.class)
                .single();
        insertVersion(documentId, next, file, contentType, note);
        audit.record(AuditAction.UPDATE, "coordination_document", String.valueOf(documentId), Map.of("version", next));
        return document(documentId);
    }

    public Download download(long documentId, int number) {
        readableDocument(documentId);
        return jdbc.sql("""
                        select filename, content_type, content from coordination_document_version
                         where document_id = :d and number = :n""")
                .param("d", documentId)
                .param("n", number)
                .query((rs, i) ->
                        new Download(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Document version", documentId + "/" + number));
    }

    /** Checks size and type; returns the content type to store. */
    private static @Nullable String checkFile(Validation v, @Nullable Upload file) {
        if (file == null || file.content().length == 0) {
            v.coded("file", "is required", "validation.required");
            return null;
        }
        if (file.content().length > MAX_DOCUMENT_BYTES) {
            v.coded(
                    "file",
                    "is larger than " + (MAX_DOCUMENT_BYTES / 1024 / 1024) + " MB",
                    "coordination.validation.fileTooLarge",
                    MAX_DOCUMENT_BYTES / 1024 / 1024);
            return null;
        }
        String name = file.filename();
        int dot = name.lastIndexOf('.');
        String type =
                dot < 0 ? null : DOCUMENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            v.coded(
                    "file",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    DOCUMENT_TYPES.keySet().stream().sorted().toList()),
                    "coordination.validation.fileType",
                    String.join(", ", DOCUMENT_TYPES.keySet().stream().sorted().toList()));
            return null;
        }
        if (name.length() > 255) {
            v.coded("file", "has a name longer than 255 characters", "validation.maxLength", 255);
        }
        return type;
    }

    private void insertVersion(
            long documentId, int number, @Nullable Upload file, @Nullable String contentType, @Nullable String note) {
        jdbc.sql("""
                        insert into coordination_document_version (document_id, number, filename, content_type,
                               size_bytes, content, note, uploaded_by, uploaded_at)
                        values (:d, :n, :filename, :type, :size, :content, :note, :me, :now)
                        """)
                .param("d", documentId)
                .param("n", number)
                .param("filename", Objects.requireNonNull(file).filename())
                .param("type", contentType)
                .param("size", (long) file.content().length)
                .param("content", file.content())
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    private List<DocumentVersionView> versions(long documentId) {
        return jdbc.sql("""
                        select number, filename, content_type, size_bytes, note, uploaded_by, uploaded_at
                          from coordination_document_version where document_id = :d order by number desc""")
                .param("d", documentId)
                .query((rs, n) -> new DocumentVersionView(
                        rs.getInt("number"),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("note"),
                        rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    // ---------------------------------------------------------------- internals

    private record Scoped(
            long id, String countryCode, @Nullable Long missionId) {}

    private Scoped readableMeeting(long id) {
        return readable("coordination_meeting", "Meeting", id);
    }

    private Scoped readableDocument(long id) {
        return readable("coordination_document", "Document", id);
    }

    /** {@code table} is one of two names written above, never user input. */
    private Scoped readable(String table, String what, long id) {
        return jdbc.sql("select id, country_code, mission_id from " + table + " where id = :id")
                .param("id", id)
                .query((rs, n) ->
                        new Scoped(rs.getLong("id"), rs.getString("country_code"), nullableLong(rs, "mission_id")))
                .optional()
                .filter(s -> AccessScope.current().canRead(s.missionId(), s.countryCode()))
                .orElseThrow(() -> new NotFoundException(what, id));
    }

    private static void requireWritable(@Nullable Long missionId, @Nullable String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException("Your scope does not cover " + countryCode);
        }
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
