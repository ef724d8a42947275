package org.bluehelm.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved dashboards and their items. Who sees a dashboard: its owner, an administrator, and, when it
 * is shared, every user whose scope covers its mission and country (the rule of {@link AccessScope};
 * neither means every signed-in user). Anyone else is told it does not exist. Only the owner or an
 * administrator changes it; every change (to the dashboard or to one of its items) must name the
 * version read and makes a new one, so an edit made on a stale copy is refused with a conflict.
 *
 * <p>Items are computed for whoever looks at them, with their own scope: the dashboard stores
 * queries, never figures.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** Most items on one dashboard: each one is a query every time the dashboard is shown. */
    public static final int MAX_ITEMS = 20;

    static final Map<String, String> SORTS = Map.of("name", "lower(d.name)", "updatedAt", "d.updated_at", "id", "d.id");

    /** Whose dashboards a list shows. */
    public enum Audience {
        /** The current user's own. */
        MINE,
        /** Others' dashboards shared with the current user. */
        SHARED,
        /** Both. */
        ALL
    }

    /** Where an item moves. */
    public enum Direction {
        UP,
        DOWN
    }

    private final JdbcClient jdbc;
    private final GeographyService geography;
    private final MissionService missions;
    private final IndicatorService indicators;
    private final Map<ItemKind, ItemRenderer> renderers = new EnumMap<>(ItemKind.class);
    private final Clock clock;

    DashboardService(
            JdbcClient jdbc,
            GeographyService geography,
            MissionService missions,
            IndicatorService indicators,
            List<ItemRenderer> renderers,
            Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.missions = missions;
        this.indicators = indicators;
        this.clock = clock;
        for (ItemRenderer renderer : renderers) {
            if (this.renderers.put(renderer.kind(), renderer) != null) {
                throw new IllegalStateException("Two renderers draw dashboard items of kind " + renderer.kind());
            }
        }
        List<ItemKind> missing = Arrays.stream(ItemKind.values())
                .filter(k -> !this.renderers.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No renderer draws dashboard items of kind " + missing);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The dashboards the current user sees, by name (search in {@code q}). */
    public PageResponse<DashboardSummary> list(Audience audience, @Nullable String q, PageQuery page) {
        AccessScope scope = AccessScope.current();
        AccessScope.Filter shared = scope.filter("d.mission_id", "d.country_code");
        Map<String, Object> params = new HashMap<>(shared.params());
        params.put("me", scope.username());
        String sharedWithMe = "(d.owner_username <> :me and d.shared and " + shared.sql() + ")";
        StringBuilder where = new StringBuilder(" where ")
                .append(
                        switch (audience) {
                            case MINE -> "d.owner_username = :me";
                            case SHARED -> sharedWithMe;
                            case ALL -> "(d.owner_username = :me or " + sharedWithMe + ")";
                        });
        if (q != null && !q.isBlank()) {
            where.append(" and lower(d.name) like :q");
            params.put("q", SearchText.containing(q));
        }
        long total = jdbc.sql("select count(*) from dashboard d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DashboardSummary> items = jdbc.sql(
                        """
                        select d.id, d.name, d.owner_username, d.shared, d.mission_id, d.country_code, d.updated_at,
                               d.version,
                               (select count(*) from dashboard_item i where i.dashboard_id = d.id) as item_count
                          from dashboard d""" + where + " order by " + page.orderBy() + ", d.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new DashboardSummary(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("owner_username"),
                        rs.getBoolean("shared"),
                        nullableLong(rs, "mission_id"),
                        rs.getString("country_code"),
                        rs.getInt("item_count"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The dashboard with its items, if the current user may see it. */
    public DashboardView get(long id) {
        return view(readable(id));
    }

    /**
     * One item computed for the current user.
     *
     * @throws NotFoundException when the dashboard or item is not visible, or the item refers to an
     *     indicator the user may not see
     * @throws InvalidInputException when the item's query no longer holds (an organisation unit deleted)
     */
    // every item reads in a transaction of its own, so that a failed one does not spoil the others
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ItemData data(long id, long itemId) {
        DashboardItemView item = item(get(id).items(), itemId);
        return ItemData.of(
                item,
                renderers.get(item.kind()).chart(),
                renderers.get(item.kind()).render(item));
    }

    /** Every item of a dashboard computed for the current user; an item that cannot be says why. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ItemData> data(DashboardView dashboard) {
        List<ItemData> data = new ArrayList<>();
        for (DashboardItemView item : dashboard.items()) {
            ItemRenderer renderer = renderers.get(item.kind());
            try {
                data.add(ItemData.of(item, renderer.chart(), renderer.render(item)));
            } catch (NotFoundException e) {
                data.add(ItemData.failed(item, "dashboard.item.problem.notFound", e.getMessage()));
            } catch (InvalidInputException e) {
                data.add(ItemData.failed(
                        item,
                        "dashboard.item.problem.invalid",
                        e.problems().stream()
                                .map(p -> p.field() + ": " + p.message())
                                .collect(Collectors.joining("; "))));
            }
        }
        return data;
    }

    // ---- changing a dashboard --------------------------------------------------------------------

    @Transactional
    public DashboardView create(DashboardCommand command) {
        SharedWith audience = validate(command);
        OffsetDateTime now = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dashboard (name, description, owner_username, shared, mission_id, country_code,
                                               created_at, updated_at, version)
                        values (:name, :description, :owner, :shared, :mission, :country, :now, :now, 1)""")
                .param("name", command.name().strip())
                .param("description", blankToNull(command.description()))
                .param("owner", AccessScope.current().username())
                .param("shared", command.shared())
                .param("mission", audience.missionId())
                .param("country", audience.countryCode())
                .param("now", now)
                .update(key, "id");
        return get(java.util.Objects.requireNonNull(key.getKey()).longValue());
    }

    @Transactional
    public DashboardView update(long id, int expectedVersion, DashboardCommand command) {
        Stored stored = writable(id, expectedVersion);
        SharedWith audience = validate(command);
        int changed = jdbc.sql("""
                        update dashboard
                           set name = :name, description = :description, shared = :shared, mission_id = :mission,
                               country_code = :country, updated_at = :now, version = version + 1
                         where id = :id and version = :version""")
                .param("name", command.name().strip())
                .param("description", blankToNull(command.description()))
                .param("shared", command.shared())
                .param("mission", audience.missionId())
                .param("country", audience.countryCode())
                .param("now", now())
                .param("id", id)
                .param("version", stored.version())
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Dashboard", id);
        }
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Stored stored = writable(id, expectedVersion);
        int changed = jdbc.sql("delete from dashboard where id = :id and version = :version")
                .param("id", id)
                .param("version", stored.version())
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Dashboard", id);
        }
    }

    // ---- changing items --------------------------------------------------------------------------

    /** Adds an item at the end; returns the dashboard as it now stands. */
    @Transactional
    public DashboardView addItem(long id, int expectedVersion, DashboardItemCommand command) {
        Stored stored = writable(id, expectedVersion);
        List<DashboardItemView> items = items(id);
        if (items.size() >= MAX_ITEMS) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "items",
                    "a dashboard holds at most " + MAX_ITEMS + " items",
                    "dashboard.validation.tooManyItems",
                    List.of(MAX_ITEMS))));
        }
        DashboardItemView item = check(0, items.size(), command);
        jdbc.sql("""
                        insert into dashboard_item (dashboard_id, item_position, kind, title, indicator_ids, org_unit_id,
                                                    org_unit_level, children, period_type, period_from, period_to,
                                                    by_option)
                        values (:dashboard, :position, :kind, :title, :indicators, :orgUnit, :level, :children,
                                :periodType, :from, :to, :byOption)""").param("dashboard", id).params(itemParams(item)).update();
        touch(stored);
        return get(id);
    }

    @Transactional
    public DashboardView updateItem(long id, long itemId, int expectedVersion, DashboardItemCommand command) {
        Stored stored = writable(id, expectedVersion);
        DashboardItemView existing = item(items(id), itemId);
        DashboardItemView item = check(itemId, existing.position(), command);
        jdbc.sql("""
                        update dashboard_item
                           set kind = :kind, title = :title, indicator_ids = :indicators, org_unit_id = :orgUnit,
                               org_unit_level = :level, children = :children, period_type = :periodType,
                               period_from = :from, period_to = :to, by_option = :byOption
                         where id = :id""").params(itemParams(item)).param("id", itemId).update();
        touch(stored);
        return get(id);
    }

    @Transactional
    public DashboardView removeItem(long id, long itemId, int expectedVersion) {
        Stored stored = writable(id, expectedVersion);
        DashboardItemView item = item(items(id), itemId);
        jdbc.sql("delete from dashboard_item where id = :id")
                .param("id", itemId)
                .update();
        jdbc.sql("""
                        update dashboard_item set item_position = item_position - 1
                         where dashboard_id = :dashboard and item_position > :position""").param("dashboard", id).param("position", item.position()).update();
        touch(stored);
        return get(id);
    }

    /** Swaps an item with the one before or after it; the first item does not move up, nor the last down. */
    @Transactional
    public DashboardView moveItem(long id, long itemId, int expectedVersion, Direction direction) {
        Stored stored = writable(id, expectedVersion);
        List<DashboardItemView> items = items(id);
        DashboardItemView item = item(items, itemId);
        int index = items.indexOf(item) + (direction == Direction.UP ? -1 : 1);
        if (index < 0 || index >= items.size()) {
            return get(id);
        }
        DashboardItemView other = items.get(index);
        setPosition(other.id(), item.position());
        setPosition(item.id(), other.position());
        touch(stored);
        return get(id);
    }

    // ---- rules -----------------------------------------------------------------------------------

    /** The stored columns of a dashboard that the rules need. */
    private record Stored(
            long id,
            String name,
            @Nullable String description,
            String owner,
            boolean shared,
            @Nullable Long missionId,
            @Nullable String countryCode,
            OffsetDateTime updatedAt,
            int version) {}

    /** Whom a dashboard is shared with, once checked. */
    private record SharedWith(
            @Nullable Long missionId, @Nullable String countryCode) {}

    private Stored readable(long id) {
        return find(id).filter(DashboardService::canRead).orElseThrow(() -> new NotFoundException("Dashboard", id));
    }

    private static boolean canRead(Stored d) {
        AccessScope scope = AccessScope.current();
        return d.owner().equals(scope.username())
                || isAdmin()
                || (d.shared() && scope.canRead(d.missionId(), d.countryCode()));
    }

    private static boolean canEdit(Stored d) {
        return d.owner().equals(AccessScope.current().username()) || isAdmin();
    }

    /** The dashboard, if the current user may change it and has read its current version. */
    private Stored writable(long id, int expectedVersion) {
        Stored stored = readable(id);
        if (!canEdit(stored)) {
            throw new ForbiddenException("Only the owner of dashboard " + id + " or an administrator may change it");
        }
        if (stored.version() != expectedVersion) {
            throw ConflictException.staleVersion("Dashboard", id);
        }
        return stored;
    }

    /** A change to an item is a change to its dashboard: a new version, or a conflict if another came first. */
    private void touch(Stored stored) {
        int changed = jdbc.sql("""
                        update dashboard set updated_at = :now, version = version + 1
                         where id = :id and version = :version""")
                .param("now", now())
                .param("id", stored.id())
                .param("version", stored.version())
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Dashboard", stored.id());
        }
    }

    /** Administrators, and background work with no signed-in user. */
    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                || authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private SharedWith validate(DashboardCommand command) {
        Validation v = new Validation()
                .required("name", command.name())
                .maxLength("name", command.name(), 200)
                .maxLength("description", command.description(), 2000);
        String country = command.countryCode() == null || command.countryCode().isBlank()
                ? null
                : command.countryCode().strip().toUpperCase(Locale.ROOT);
        v.iso3("countryCode", country);
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded(
                    "countryCode",
                    "'" + country + "' is not a known ISO 3166 alpha-3 country code",
                    "dashboard.validation.unknownCountry",
                    country);
        }
        Long missionId = command.missionId();
        if (missionId != null) {
            if (!missions.exists(missionId)) {
                v.coded(
                        "missionId",
                        "mission " + missionId + " does not exist",
                        "dashboard.validation.missionNotFound",
                        String.valueOf(missionId));
            } else if (!v.hasProblem("countryCode")) {
                Set<String> hosts = missions.hostCountries(Set.of(missionId));
                if (country == null && hosts.size() == 1) {
                    country = hosts.iterator().next();
                } else if (country == null) {
                    v.coded(
                            "countryCode",
                            "mission " + missionId + " has several host countries: choose the one to share with",
                            "dashboard.validation.chooseHost");
                } else if (!hosts.contains(country)) {
                    v.coded(
                            "missionId",
                            "mission " + missionId + " is not hosted by " + country,
                            "dashboard.validation.missionNotHosted",
                            country);
                }
            }
        }
        AccessScope scope = AccessScope.current();
        if (!v.hasProblem("missionId") && !v.hasProblem("countryCode")) {
            if (command.shared() && missionId == null && country == null && !scope.global()) {
                v.coded(
                        "missionId",
                        "choose the mission or country to share with: only a user who sees everything may share"
                                + " with every user",
                        "dashboard.validation.shareWithWhom");
            } else if ((missionId != null || country != null) && !scope.canRead(missionId, country)) {
                v.coded(
                        missionId != null ? "missionId" : "countryCode",
                        "is outside your scope: you may share only with users of your own missions and countries",
                        "dashboard.validation.outsideScope");
            }
        }
        v.throwIfInvalid();
        return new SharedWith(missionId, country);
    }

    /**
     * Checks an item by drawing it with the current user's scope: what the renderer refuses, naming
     * the fields of {@link DashboardItemCommand}, is what is wrong.
     */
    private DashboardItemView check(long itemId, int position, DashboardItemCommand command) {
        Validation v = new Validation()
                .required("kind", command.kind())
                .required("title", command.title())
                .maxLength("title", command.title(), 200)
                .maxLength("from", command.from(), 20)
                .maxLength("to", command.to(), 20);
        List<FieldProblem> problems = new ArrayList<>();
        try {
            v.throwIfInvalid();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        DashboardItemView item = new DashboardItemView(
                itemId,
                position,
                command.kind() == null ? ItemKind.TIME_SERIES : command.kind(),
                command.title() == null ? "" : command.title().strip(),
                command.indicators().stream().distinct().toList(),
                command.orgUnit(),
                command.orgUnitLevel(),
                command.children(),
                command.periodType(),
                blankToNull(command.from()),
                blankToNull(command.to()),
                command.byOption());
        if (command.kind() != null && !v.hasProblem("from") && !v.hasProblem("to")) {
            try {
                renderers.get(item.kind()).render(item);
            } catch (InvalidInputException e) {
                e.problems()
                        .forEach(p ->
                                problems.add(new FieldProblem(itemField(p.field()), p.message(), p.code(), p.args())));
            } catch (NotFoundException e) {
                problems.addAll(unknownIndicators(command.indicators()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return item;
    }

    /**
     * Each indicator of the item that the current user cannot read (it does not exist, or is outside
     * the user's scope), named by its place in the list the user sent ({@code indicators[1]}); the
     * whole list when the renderer refused something else it could not find.
     */
    private List<FieldProblem> unknownIndicators(List<Long> ids) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            try {
                indicators.get(id);
            } catch (NotFoundException e) {
                problems.add(new FieldProblem(
                        "indicators[" + i + "]",
                        "indicator " + id + " does not exist or is outside your scope",
                        "dashboard.validation.indicatorNotFound",
                        List.of(String.valueOf(id))));
            }
        }
        return problems.isEmpty()
                ? List.of(new FieldProblem(
                        "indicators",
                        "one of the chosen indicators or organisation units does not exist or is outside your scope",
                        "dashboard.validation.notFound",
                        List.of()))
                : problems;
    }

    /** The analytics API calls the indicators {@code indicator}; an item calls them {@code indicators}. */
    private static String itemField(String analyticsField) {
        return analyticsField.equals("indicator") ? "indicators" : analyticsField;
    }

    private static Map<String, Object> itemParams(DashboardItemView item) {
        Map<String, Object> params = new HashMap<>();
        params.put("position", item.position());
        params.put("kind", item.kind().name());
        params.put("title", item.title());
        params.put("indicators", item.indicators().stream().map(String::valueOf).collect(Collectors.joining(",")));
        params.put("orgUnit", item.orgUnit());
        params.put("level", item.orgUnitLevel());
        params.put("children", item.children());
        params.put(
                "periodType",
                item.periodType() == null ? null : item.periodType().name());
        params.put("from", item.from());
        params.put("to", item.to());
        params.put("byOption", item.byOption());
        return params;
    }

    private void setPosition(long itemId, int position) {
        jdbc.sql("update dashboard_item set item_position = :position where id = :id")
                .param("position", position)
                .param("id", itemId)
                .update();
    }

    // ---- reading rows ----------------------------------------------------------------------------

    private Optional<Stored> find(long id) {
        return jdbc.sql("""
                        select id, name, description, owner_username, shared, mission_id, country_code, updated_at,
                               version
                          from dashboard where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("owner_username"),
                        rs.getBoolean("shared"),
                        nullableLong(rs, "mission_id"),
                        rs.getString("country_code"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .optional();
    }

    private DashboardView view(Stored d) {
        return new DashboardView(
                d.id(),
                d.name(),
                d.description(),
                d.owner(),
                d.shared(),
                d.missionId(),
                d.countryCode(),
                d.updatedAt(),
                canEdit(d),
                d.version(),
                items(d.id()));
    }

    private List<DashboardItemView> items(long dashboardId) {
        return jdbc.sql("""
                        select id, item_position, kind, title, indicator_ids, org_unit_id, org_unit_level, children,
                               period_type, period_from, period_to, by_option
                          from dashboard_item where dashboard_id = :dashboard order by item_position, id""")
                .param("dashboard", dashboardId)
                .query((rs, n) -> new DashboardItemView(
                        rs.getLong("id"),
                        rs.getInt("item_position"),
                        ItemKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        ids(rs.getString("indicator_ids")),
                        nullableLong(rs, "org_unit_id"),
                        (Integer) rs.getObject("org_unit_level", Integer.class),
                        rs.getBoolean("children"),
                        rs.getString("period_type") == null ? null : PeriodType.valueOf(rs.getString("period_type")),
                        rs.getString("period_from"),
                        rs.getString("period_to"),
                        rs.getBoolean("by_option")))
                .list();
    }

    private static DashboardItemView item(List<DashboardItemView> items, long itemId) {
        return items.stream()
                .filter(i -> i.id() == itemId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Dashboard item", itemId));
    }

    private static List<Long> ids(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
