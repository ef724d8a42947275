package org.bluehelm.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldCipher;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers complaints from the public, lets reporters follow them with their receipt, and lets
 * staff in scope read them, reply and reveal identities. Staff see a complaint when its country is
 * one of theirs or hosts one of their missions (or when they see everything); a complaint outside
 * their scope is "not found".
 */
@Service
public class ComplaintService {

    /** The actor of audit entries written from the public pages, whose users have no account. */
    static final String PUBLIC_ACTOR = "public";

    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_MESSAGE = 5_000;
    static final int MAX_FILES = 3;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final Map<String, String> SORTS =
            Map.of("receivedAt", "c.received_at", "occurredOn", "c.occurred_on", "id", "c.id");

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Receipts receipts;
    private final GeographyService geography;
    private final CaseAccess access;
    private final CaseDeadlines deadlines;
    private final Clock clock;

    ComplaintService(
            JdbcClient jdbc,
            FieldCipher cipher,
            Receipts receipts,
            GeographyService geography,
            AuditLog audit,
            CaseAccess access,
            CaseDeadlines deadlines) {
        this.jdbc = jdbc;
        this.access = access;
        this.deadlines = deadlines;
        this.audit = audit;
        this.cipher = cipher;
        this.receipts = receipts;
        this.geography = geography;
        this.clock = Clock.systemUTC();
    }

    /** Checks and stores a report; returns its receipt (16 digits), which is stored only as a hash. */
    @Transactional
    public String register(RegisterComplaint report) {
        List<FieldProblem> problems = new ArrayList<>();
        String description = trim(report.description());
        if (description == null) {
            problems.add(problem("description", "is required", "complaint.error.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(problem("description", "must be at most 10000 characters", "complaint.error.tooLong"));
        }
        LocalDate occurredOn = null;
        String when = trim(report.occurredOn());
        if (when != null) {
            try {
                occurredOn = LocalDate.parse(when);
                if (occurredOn.isAfter(LocalDate.now(clock).plusDays(1))) { // a day's grace for time zones
                    problems.add(problem("occurredOn", "must not be in the future", "complaint.error.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(problem("occurredOn", "must be a date (yyyy-mm-dd)", "complaint.error.date"));
            }
        }
        ComplaintCategory category = null;
        String categoryText = trim(report.category());
        if (categoryText == null) {
            problems.add(problem("category", "is required", "complaint.error.required"));
        } else {
            try {
                category = ComplaintCategory.valueOf(categoryText);
            } catch (IllegalArgumentException e) {
                problems.add(problem("category", "is not a category", "complaint.error.category"));
            }
        }
        String country = trim(report.countryCode());
        if (country != null && !geography.countryExists(country)) {
            problems.add(problem("countryCode", "is not a country", "complaint.error.country"));
        }
        if (report.orgUnitId() != null) {
            Optional<OrgUnitView> unit = geography.findOrgUnit(report.orgUnitId());
            if (unit.isEmpty() || (country != null && !unit.get().countryCode().equals(country))) {
                problems.add(problem("orgUnitId", "is not a place of this country", "complaint.error.orgUnit"));
            } else {
                country = unit.get().countryCode();
            }
        }
        String institution = trim(report.institution());
        if (institution != null && institution.length() > 200) {
            problems.add(problem("institution", "must be at most 200 characters", "complaint.error.tooLong"));
        }
        String name = report.anonymous() ? null : trim(report.name());
        String contact = report.anonymous() ? null : trim(report.contact());
        if (name != null && name.length() > 200) {
            problems.add(problem("name", "must be at most 200 characters", "complaint.error.tooLong"));
        }
        if (contact != null && contact.length() > 200) {
            problems.add(problem("contact", "must be at most 200 characters", "complaint.error.tooLong"));
        }
        if (!report.anonymous() && name == null && contact == null) {
            problems.add(problem("name", "give a name or a contact, or stay anonymous", "complaint.error.identity"));
        }
        List<String> mediaTypes = new ArrayList<>();
        if (report.attachments().size() > MAX_FILES) {
            problems.add(problem("files", "at most 3 files", "complaint.error.fileCount"));
        }
        for (RegisterComplaint.Attachment a : report.attachments()) {
            String type = mediaType(a.content());
            if (a.content().length > MAX_FILE_BYTES) {
                problems.add(problem("files", "each file must be at most 5 MB", "complaint.error.fileSize"));
            } else if (type == null) {
                problems.add(problem("files", "only PDF, JPEG or PNG files", "complaint.error.fileType"));
            }
            mediaTypes.add(type == null ? "" : type);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String receipt = receipts.newReceipt();
        OffsetDateTime received = now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into complaint (receipt_hash, state, category, description, occurred_on, country_code,
                            org_unit_id, institution, anonymous, name_enc, contact_enc, received_at, source,
                            stage_since, stage_due)
                        values (:hash, :state, :category, :description, :occurredOn, :country, :orgUnit,
                            :institution, :anonymous, :name, :contact, :receivedAt, 'PUBLIC', :receivedAt, :due)""")
                .param("hash", receipts.hash(receipt))
                .param("state", ComplaintState.RECEIVED.name())
                .param("category", category.name())
                .param("description", description)
                .param("occurredOn", occurredOn)
                .param("country", country)
                .param("orgUnit", report.orgUnitId())
                .param("institution", institution)
                .param("anonymous", name == null && contact == null)
                .param("name", name == null ? null : cipher.encrypt(name))
                .param("contact", contact == null ? null : cipher.encrypt(contact))
                .param("receivedAt", received)
                .param("due", deadlines.due(ComplaintState.RECEIVED, received.toLocalDate()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        recordTransition(id, null, ComplaintState.RECEIVED, PUBLIC_ACTOR, null, received);
        audit.record(
                PUBLIC_ACTOR,
                AuditAction.CREATE,
                "complaint",
                String.valueOf(id),
                Map.of(
                        "source",
                        "PUBLIC",
                        "category",
                        category.name(),
                        "attachments",
                        report.attachments().size()));
        for (int i = 0; i < report.attachments().size(); i++) {
            byte[] content = report.attachments().get(i).content();
            jdbc.sql("""
                            insert into complaint_attachment (complaint_id, media_type, size_bytes, content_enc)
                            values (:id, :type, :size, :content)""")
                    .param("id", id)
                    .param("type", mediaTypes.get(i))
                    .param("size", content.length)
                    .param("content", cipher.encrypt(content))
                    .update();
        }
        return receipt;
    }

    /** The report of a receipt; empty for any receipt that matches none (the caller says only "not found"). */
    @Transactional(readOnly = true)
    public Optional<FollowView> follow(@Nullable String typedReceipt) {
        return complaintIdOf(typedReceipt).map(id -> {
            ComplaintSummary s = summary(id).orElseThrow();
            List<FollowView.Message> thread = messages(id).stream()
                    .map(m -> new FollowView.Message(m.fromStaff(), m.body(), m.sentAt()))
                    .toList();
            return new FollowView(s.category(), s.state(), s.receivedAt(), thread);
        });
    }

    /** Adds a reporter's message to the thread of their receipt's report; false when the receipt matches none. */
    @Transactional
    public boolean writeAsReporter(@Nullable String typedReceipt, @Nullable String body) {
        Optional<Long> id = complaintIdOf(typedReceipt);
        if (id.isEmpty()) {
            return false;
        }
        addMessage(id.get(), false, null, body);
        return true;
    }

    @Transactional(readOnly = true)
    public PageResponse<ComplaintSummary> list(AccessScope scope, PageQuery page) {
        return list(scope, CaseFilter.NONE, page);
    }

    /**
     * The cases the user may see (see {@link CaseAccess}) that match the filter; "not found" for a
     * user who may see no case at all.
     */
    @Transactional(readOnly = true)
    public PageResponse<ComplaintSummary> list(AccessScope scope, CaseFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(access.condition(access.viewer(scope), params));
        params.put("today", today());
        if (filter.state() != null) {
            where.append(" and c.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.category() != null) {
            where.append(" and c.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.oversightBodyId() != null) {
            where.append(" and c.oversight_body_id = :body");
            params.put("body", filter.oversightBodyId());
        }
        if (filter.overdueOnly()) {
            where.append(" and " + OVERDUE);
        }
        long total = jdbc.sql("select count(*) from complaint c where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ComplaintSummary> items = jdbc.sql(SUMMARY + " where " + where + " order by " + page.orderBy()
                        + ", c.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ComplaintSummary.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** How many open cases the user handles are past their stage's deadline. */
    @Transactional(readOnly = true)
    public long overdueHandledBy(String username) {
        return jdbc.sql("select count(*) from complaint c where c.handler = :u and " + OVERDUE)
                .param("u", username)
                .param("today", today())
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public ComplaintView get(long id, AccessScope scope) {
        CaseAccess.Viewer viewer = access.viewer(scope);
        ComplaintSummary s = visible(id, viewer);
        String description = jdbc.sql("select description from complaint where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        List<ComplaintView.AttachmentView> files = jdbc.sql("""
                        select id, media_type, size_bytes from complaint_attachment
                        where complaint_id = :id order by id""")
                .param("id", id)
                .query(ComplaintView.AttachmentView.class)
                .list();
        List<ComplaintView.NoteView> notes = jdbc.sql("""
                        select username, body, written_at from complaint_note
                        where complaint_id = :id order by written_at, id""")
                .param("id", id)
                .query(ComplaintView.NoteView.class)
                .list();
        List<ComplaintView.PersonView> people = jdbc.sql("""
                        select p.id, p.role, p.institution_id, i.name as institution_name,
                            case when p.name_enc is null then false else true end as has_name, p.same_as_id
                        from complaint_person p left join institution i on i.id = p.institution_id
                        where p.complaint_id = :id order by p.id""")
                .param("id", id)
                .query(ComplaintView.PersonView.class)
                .list();
        List<ComplaintView.TransitionView> steps = jdbc.sql("""
                        select from_state, to_state, username, note, at from complaint_transition
                        where complaint_id = :id order by at, id""")
                .param("id", id)
                .query(ComplaintView.TransitionView.class)
                .list();
        return new ComplaintView(
                s,
                description,
                files,
                messages(id),
                notes,
                people,
                steps,
                CaseWorkflow.next(s.state()),
                access.canReveal(viewer, s.oversightBodyId(), s.handler()));
    }

    @Transactional
    public void reply(long id, @Nullable String body, AccessScope scope) {
        visible(id, access.viewer(scope));
        addMessage(id, true, scope.username(), body);
    }

    /** Decrypts the reporter's name and contact for a staff member in scope, recording who did so and when. */
    @Transactional
    public IdentityView reveal(long id, AccessScope scope) {
        ComplaintSummary s = revealable(id, access.viewer(scope));
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into complaint_identity_reveal (complaint_id, username, revealed_at)
                        values (:id, :username, :at)""")
                .param("id", id)
                .param("username", scope.username())
                .param("at", now)
                .update();
        // the tamper-evident trail: who saw whose identity is provable (the identity itself stays out)
        audit.record(AuditAction.REVEAL, "complaint", String.valueOf(id), Map.of("revealed", "identity"));
        Map<String, Object> row = jdbc.sql("select name_enc, contact_enc from complaint where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        String name = (String) row.get("name_enc");
        String contact = (String) row.get("contact_enc");
        return new IdentityView(
                id,
                s.anonymous(),
                name == null ? null : cipher.decrypt(name),
                contact == null ? null : cipher.decrypt(contact),
                scope.username(),
                now);
    }

    /** The plain bytes of an attachment of a complaint in scope, with its media type. */
    @Transactional(readOnly = true)
    public Attachment attachment(long id, long attachmentId, AccessScope scope) {
        visible(id, access.viewer(scope));
        return jdbc.sql("""
                        select media_type, content_enc from complaint_attachment
                        where complaint_id = :id and id = :attachment""")
                .param("id", id)
                .param("attachment", attachmentId)
                .query((rs, n) -> new Attachment(rs.getString(1), cipher.decrypt(rs.getBytes(2))))
                .optional()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    /** An attachment's media type and plain content. */
    public record Attachment(String mediaType, byte[] content) {}

    /** An open case past its stage's deadline (needs the parameter {@code today}). */
    static final String OVERDUE = "(c.state <> 'CLOSED' and c.stage_due < :today)";

    static final String SUMMARY = """
            select c.id, c.category, c.state, c.occurred_on, c.country_code, u.name as org_unit_name,
                c.institution, c.anonymous, c.received_at, c.source, c.institution_id, i.name as institution_name,
                c.oversight_body_id, b.name as oversight_body_name, c.handler, c.stage_since, c.stage_due,
                case when c.state <> 'CLOSED' and c.stage_due < :today then true else false end as overdue,
                c.referral, c.referral_result, c.outcome, c.closed_at, c.version
            from complaint c left join org_unit u on u.id = c.org_unit_id
                left join institution i on i.id = c.institution_id
                left join oversight_body b on b.id = c.oversight_body_id""";

    private Optional<ComplaintSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where c.id = :id")
                .param("id", id)
                .param("today", today())
                .query(ComplaintSummary.class)
                .optional();
    }

    /** The case if the viewer may see it; "not found" otherwise, whether it exists or not. */
    ComplaintSummary visible(long id, CaseAccess.Viewer viewer) {
        ComplaintSummary s = summary(id).orElseThrow(() -> new NotFoundException("Complaint", id));
        if (!access.canSee(viewer, s.countryCode(), s.oversightBodyId())) {
            throw new NotFoundException("Complaint", id);
        }
        return s;
    }

    /** The case if the viewer may see it and reveal identities in it; "not found" otherwise. */
    ComplaintSummary revealable(long id, CaseAccess.Viewer viewer) {
        ComplaintSummary s = visible(id, viewer);
        if (!access.canReveal(viewer, s.oversightBodyId(), s.handler())) {
            throw new NotFoundException("Complaint", id);
        }
        return s;
    }

    void recordTransition(
            long id,
            @Nullable ComplaintState from,
            ComplaintState to,
            String username,
            @Nullable String note,
            OffsetDateTime at) {
        jdbc.sql("""
                        insert into complaint_transition (complaint_id, from_state, to_state, username, note, at)
                        values (:id, :from, :to, :username, :note, :at)""")
                .param("id", id)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("username", username)
                .param("note", note)
                .param("at", at)
                .update();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<MessageView> messages(long id) {
        return jdbc.sql("""
                        select from_staff, username, body, sent_at from complaint_message
                        where complaint_id = :id order by sent_at, id""").param("id", id).query(MessageView.class).list();
    }

    private void addMessage(long id, boolean fromStaff, @Nullable String username, @Nullable String body) {
        String text = trim(body);
        if (text == null) {
            throw new InvalidInputException(List.of(problem("body", "is required", "complaint.error.required")));
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException(
                    List.of(problem("body", "must be at most 5000 characters", "complaint.error.tooLong")));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into complaint_message (complaint_id, from_staff, username, body, sent_at)
                        values (:id, :fromStaff, :username, :body, :at)""")
                .param("id", id)
                .param("fromStaff", fromStaff)
                .param("username", username)
                .param("body", text)
                .param("at", now())
                .update(keys, "id");
        // the reporter has no account: entries of the public pages are by "public", never an address
        String messageId = String.valueOf(keys.getKeyAs(Number.class).longValue());
        if (fromStaff) {
            audit.record(AuditAction.CREATE, "complaint_message", messageId, Map.of("complaint", id, "from", "staff"));
        } else {
            audit.record(
                    PUBLIC_ACTOR,
                    AuditAction.CREATE,
                    "complaint_message",
                    messageId,
                    Map.of("complaint", id, "from", "reporter"));
        }
    }

    private Optional<Long> complaintIdOf(@Nullable String typedReceipt) {
        String digits = Receipts.normalise(typedReceipt);
        if (digits == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from complaint where receipt_hash = :hash")
                .param("hash", receipts.hash(digits))
                .query(Long.class)
                .optional();
    }

    /** The type by the file's first bytes (its magic number), whatever its name says. */
    static @Nullable String mediaType(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length >= 8) {
            for (int i = 0; i < 8; i++) {
                if (b[i] != png[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static FieldProblem problem(String field, String message, String code) {
        return new FieldProblem(field, message, code, List.of());
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
