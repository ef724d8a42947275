package org.bluehelm.lesson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.mission.MissionService;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Pillar;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lessons learned: record, change, delete (roles checked at the door, scope here), read, search and
 * suggest. Every signed-in user reads the lessons that are not restricted; a restricted lesson is
 * read only within the scope of its mission and country (elsewhere it is not found). Every change
 * is written to the audit log and, once committed, to the search index.
 */
@Service
@Transactional(readOnly = true)
public class LessonService {

    static final int MAX_TAGS = 20;

    private static final String COLUMNS = """
            select l.id, l.title, l.context, l.what_happened, l.lesson_text, l.recommendation, l.mission_id,
                   m.acronym, l.country_code, l.pillar, l.dimension, l.tags, l.source, l.language, l.restricted,
                   l.updated_at, l.version
              from lesson l
              left join mission m on m.id = l.mission_id
            """;

    private final JdbcClient jdbc;
    private final MissionService missions;
    private final GeographyService geography;
    private final LessonIndex index;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LessonService(
            JdbcClient jdbc,
            MissionService missions,
            GeographyService geography,
            LessonIndex index,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.missions = missions;
        this.geography = geography;
        this.index = index;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The lesson, if it exists and the current user may read it. */
    public LessonView get(long id) {
        LessonView lesson = find(id).orElseThrow(() -> new NotFoundException("Lesson", id));
        if (!readable(lesson, AccessScope.current())) {
            throw new NotFoundException("Lesson", id);
        }
        return lesson;
    }

    /** Searches the lessons the current user may read; {@code page} counts from 0. */
    public LessonSearch.Result search(LessonSearch search, int page, int size) {
        return index.search(search, AccessScope.current(), Math.max(0, page), Math.min(Math.max(1, size), 100));
    }

    /**
     * The lessons most relevant to a programme: its text (name and objectives), its pillar and its
     * country weigh in, best first.
     */
    public List<LessonSearch.Hit> suggestionsFor(ProgrammeView programme, int limit) {
        String text = programme.name() + (programme.objectives() == null ? "" : " " + programme.objectives());
        return index.similar(text, programme.pillar(), programme.countryCode(), AccessScope.current(), limit);
    }

    /**
     * The lessons most relevant to a set of pillars and a country (a mission's or country's
     * report): lessons of those pillars and that country weigh in, and so do the words of the
     * pillars' names; best first.
     */
    public List<LessonSearch.Hit> relevantTo(Collection<Pillar> pillars, @Nullable String countryCode, int limit) {
        String text = pillars.stream()
                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(" "));
        return index.similar(text, pillars, countryCode, AccessScope.current(), limit);
    }

    public long count() {
        return jdbc.sql("select count(*) from lesson").query(Long.class).single();
    }

    @Transactional
    public LessonView create(LessonCommand command) {
        Lesson lesson = validate(command);
        requireWritable(lesson);
        String me = AccessScope.current().username();
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                                insert into lesson (title, context, what_happened, lesson_text, recommendation, mission_id,
                                       country_code, pillar, dimension, tags, source, language, restricted, starter_key,
                                       created_by, created_at, updated_by, updated_at, version)
                                values (:title, :context, :happened, :lesson, :recommendation, :mission, :country,
                                       :pillar, :dimension, :tags, :source, :language, :restricted, :starter, :me, :now,
                                       :me, :now, 1)
                                """), lesson)
                .param("starter", null)
                .param("me", me)
                .param("now", now)
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        audit.record(AuditAction.CREATE, "lesson", String.valueOf(id), auditFields(lesson));
        events.publishEvent(new LessonChanged(id));
        return find(id).orElseThrow();
    }

    @Transactional
    public LessonView update(long id, int expectedVersion, LessonCommand command) {
        LessonView current = get(id);
        requireWritable(new Lesson(current));
        Lesson lesson = validate(command);
        requireWritable(lesson);
        int changed = bind(jdbc.sql("""
                                update lesson
                                   set title = :title, context = :context, what_happened = :happened,
                                       lesson_text = :lesson, recommendation = :recommendation, mission_id = :mission,
                                       country_code = :country, pillar = :pillar, dimension = :dimension, tags = :tags,
                                       source = :source, language = :language, restricted = :restricted,
                                       updated_by = :me, updated_at = :now, version = version + 1
                                 where id = :id and version = :version
                                """), lesson)
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Lesson", id);
        }
        audit.record(AuditAction.UPDATE, "lesson", String.valueOf(id), auditFields(lesson));
        events.publishEvent(new LessonChanged(id));
        return find(id).orElseThrow();
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        requireWritable(new Lesson(get(id)));
        int deleted = jdbc.sql("delete from lesson where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Lesson", id);
        }
        audit.record(AuditAction.DELETE, "lesson", String.valueOf(id), Map.of());
        events.publishEvent(new LessonChanged(id));
    }

    /** Records a shipped lesson once: nothing happens when one with this key is already stored. */
    @Transactional
    boolean loadStarter(String key, LessonCommand command) {
        boolean known = jdbc.sql("select count(*) from lesson where starter_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        Lesson lesson = validate(command);
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder id = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                                insert into lesson (title, context, what_happened, lesson_text, recommendation, mission_id,
                                       country_code, pillar, dimension, tags, source, language, restricted, starter_key,
                                       created_by, created_at, updated_by, updated_at, version)
                                values (:title, :context, :happened, :lesson, :recommendation, :mission, :country,
                                       :pillar, :dimension, :tags, :source, :language, :restricted, :starter, 'system',
                                       :now, 'system', :now, 1)
                                """), lesson).param("starter", key).param("now", now).update(id, "id");
        events.publishEvent(
                new LessonChanged(Objects.requireNonNull(id.getKey()).longValue()));
        return true;
    }

    /** The lesson as stored, whoever asks: for the index. */
    Optional<LessonView> find(long id) {
        return jdbc.sql(COLUMNS + " where l.id = :id")
                .param("id", id)
                .query(LessonService::view)
                .optional();
    }

    /** The index stamp ({@link LessonIndex#stamp}) of every stored lesson, by id: for catching up the index. */
    Map<Long, String> stamps() {
        Map<Long, String> stamps = new HashMap<>();
        jdbc.sql("select l.id, l.version, m.acronym from lesson l left join mission m on m.id = l.mission_id")
                .query(rs -> {
                    stamps.put(rs.getLong(1), LessonIndex.stamp(rs.getInt(2), rs.getString(3)));
                });
        return stamps;
    }

    /** Every stored lesson, whoever asks: for rebuilding the index. */
    List<LessonView> all() {
        return jdbc.sql(COLUMNS + " order by l.id").query(LessonService::view).list();
    }

    static boolean readable(LessonView lesson, AccessScope scope) {
        return !lesson.restricted() || scope.canRead(lesson.missionId(), lesson.countryCode());
    }

    /** A validated command, with its country taken from the mission when not given. */
    private record Lesson(
            String title,
            @Nullable String context,
            @Nullable String whatHappened,
            String lesson,
            @Nullable String recommendation,
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable Pillar pillar,
            @Nullable Dimension dimension,
            List<String> tags,
            String source,
            LessonLanguage language,
            boolean restricted) {

        Lesson(LessonView v) {
            this(
                    v.title(),
                    v.context(),
                    v.whatHappened(),
                    v.lesson(),
                    v.recommendation(),
                    v.missionId(),
                    v.countryCode(),
                    v.pillar(),
                    v.dimension(),
                    v.tags(),
                    v.source(),
                    v.language(),
                    v.restricted());
        }
    }

    private Lesson validate(LessonCommand c) {
        Validation v = new Validation()
                .required("title", blankToNull(c.title()))
                .maxLength("title", c.title(), 300)
                .maxLength("context", c.context(), 8000)
                .maxLength("whatHappened", c.whatHappened(), 8000)
                .required("lesson", blankToNull(c.lesson()))
                .maxLength("lesson", c.lesson(), 8000)
                .maxLength("recommendation", c.recommendation(), 8000)
                .required("source", blankToNull(c.source()))
                .maxLength("source", c.source(), 1000)
                .required("language", c.language());
        String country = blankToNull(c.countryCode()) == null
                ? null
                : c.countryCode().strip().toUpperCase(Locale.ROOT);
        if (country != null && !geography.countryExists(country)) {
            v.coded("countryCode", "is not a known country code: " + country, "lesson.validation.country", country);
        }
        if (c.missionId() != null) {
            Set<String> hosts = missions.hostCountries(Set.of(c.missionId()));
            if (!missions.exists(c.missionId())) {
                v.coded("missionId", "is not a known mission", "lesson.validation.mission");
            } else if (country == null && hosts.size() == 1) {
                country = hosts.iterator().next();
            } else if (country != null && !hosts.isEmpty() && !hosts.contains(country)) {
                v.coded(
                        "countryCode",
                        "must be a country the mission is hosted in: " + String.join(", ", hosts),
                        "lesson.validation.missionCountry",
                        String.join(", ", hosts));
            }
        }
        List<String> tags = tags(c.tags());
        if (tags.size() > MAX_TAGS) {
            v.coded("tags", "at most " + MAX_TAGS + " tags", "lesson.validation.tags", MAX_TAGS);
        }
        for (String tag : tags) {
            if (tag.length() > 40) {
                v.coded("tags", "a tag has at most 40 characters: " + tag, "lesson.validation.tagLength", tag);
            }
        }
        String joined = String.join(",", tags);
        if (joined.length() > 1000) {
            v.maxLength("tags", joined, 1000);
        }
        v.throwIfInvalid();
        return new Lesson(
                c.title().strip(),
                blankToNull(c.context()),
                blankToNull(c.whatHappened()),
                c.lesson().strip(),
                blankToNull(c.recommendation()),
                c.missionId(),
                country,
                c.pillar(),
                c.dimension(),
                tags,
                c.source().strip(),
                c.language(),
                Boolean.TRUE.equals(c.restricted()));
    }

    /** Tags lower-cased and stripped, blanks and repeats dropped, in the order given. */
    static List<String> tags(@Nullable List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        if (given != null) {
            for (String t : given) {
                if (t != null) {
                    for (String part : t.split(",")) {
                        String tag = part.strip().toLowerCase(Locale.ROOT);
                        if (!tag.isEmpty()) {
                            tags.add(tag);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(tags);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Lesson l) {
        return sql.param("title", l.title())
                .param("context", l.context())
                .param("happened", l.whatHappened())
                .param("lesson", l.lesson())
                .param("recommendation", l.recommendation())
                .param("mission", l.missionId())
                .param("country", l.countryCode())
                .param("pillar", l.pillar() == null ? null : l.pillar().name())
                .param("dimension", l.dimension() == null ? null : l.dimension().name())
                .param("tags", l.tags().isEmpty() ? null : String.join(",", l.tags()))
                .param("source", l.source())
                .param("language", l.language().name())
                .param("restricted", l.restricted());
    }

    /** A user changes a lesson of a mission or country only within their scope; a lesson of neither, anyone allowed in. */
    private static void requireWritable(Lesson lesson) {
        if (!AccessScope.current().canRead(lesson.missionId(), lesson.countryCode())) {
            throw new ForbiddenException("Your scope does not cover the mission or country of this lesson");
        }
    }

    private static Map<String, Object> auditFields(Lesson l) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", l.title());
        fields.put("mission", l.missionId());
        fields.put("country", l.countryCode());
        fields.put("pillar", l.pillar());
        fields.put("language", l.language().name());
        fields.put("restricted", l.restricted());
        return fields;
    }

    private static LessonView view(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        String pillar = rs.getString("pillar");
        String dimension = rs.getString("dimension");
        long mission = rs.getLong("mission_id");
        Long missionId = rs.wasNull() ? null : mission;
        String country = rs.getString("country_code");
        return new LessonView(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("context"),
                rs.getString("what_happened"),
                rs.getString("lesson_text"),
                rs.getString("recommendation"),
                missionId,
                rs.getString("acronym"),
                country == null ? null : country.strip(),
                pillar == null ? null : Pillar.valueOf(pillar),
                dimension == null ? null : Dimension.valueOf(dimension),
                tags == null ? List.of() : Arrays.asList(tags.split(",")),
                rs.getString("source"),
                LessonLanguage.valueOf(rs.getString("language")),
                rs.getBoolean("restricted"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
