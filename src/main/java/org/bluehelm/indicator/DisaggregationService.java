package org.bluehelm.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Disaggregation categories and their options: shared reference records that every signed-in user
 * reads and that administrators, mission managers and data stewards maintain. Options are updated
 * in place (matched by code) rather than replaced, so their ids stay stable for the data values
 * that refer to them; removing an option or a category that is in use fails with a conflict.
 */
@Service
@Transactional(readOnly = true)
public class DisaggregationService {

    static final Map<String, String> SORTS = Map.of("code", "c.code", "name", "c.name", "id", "c.id");
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,50}");
    private static final String[] EDITORS = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD"};

    private final JdbcClient jdbc;

    DisaggregationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResponse<CategoryView> list(@Nullable String search, PageQuery page) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            where = " where lower(c.code) like :q or lower(c.name) like :q";
            params.put("q", SearchText.containing(search));
        }
        long total = jdbc.sql("select count(*) from disaggregation_category c" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select c.id from disaggregation_category c" + where + " order by " + page.orderBy()
                        + ", c.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        Map<Long, CategoryView> byId = byIds(ids);
        return PageResponse.of(ids.stream().map(byId::get).toList(), page, total);
    }

    public CategoryView get(long id) {
        CategoryView category = byIds(List.of(id)).get(id);
        if (category == null) {
            throw new NotFoundException("Disaggregation category", id);
        }
        return category;
    }

    public Optional<CategoryView> findByCode(String code) {
        return jdbc.sql("select id from disaggregation_category where code = :code")
                .param("code", code)
                .query(Long.class)
                .optional()
                .map(this::get);
    }

    @Transactional
    public CategoryView create(CategoryCommand command) {
        requireEditor();
        Validation v = validate(command);
        if (!v.hasProblem("code") && findByCode(command.code().strip()).isPresent()) {
            String code = command.code().strip();
            v.coded(
                    "code",
                    "'" + code + "' is already used by another category",
                    "indicator.validation.categoryTaken",
                    code);
        }
        v.throwIfInvalid();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into disaggregation_category (code, name) values (:code, :name)")
                .param("code", command.code().strip())
                .param("name", command.name().strip())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        List<CategoryCommand.OptionCommand> options = command.options();
        for (int i = 0; i < options.size(); i++) {
            insertOption(id, options.get(i), i);
        }
        return get(id);
    }

    @Transactional
    public CategoryView update(long id, int expectedVersion, CategoryCommand command) {
        requireEditor();
        CategoryView current = get(id);
        Validation v = validate(command);
        if (!v.hasProblem("code") && !command.code().strip().equals(current.code())) {
            findByCode(command.code().strip())
                    .ifPresent(other -> v.coded(
                            "code",
                            "'" + other.code() + "' is already used by another category",
                            "indicator.validation.categoryTaken",
                            other.code()));
        }
        v.throwIfInvalid();
        int changed = jdbc.sql("update disaggregation_category set code = :code, name = :name, version = version + 1"
                        + " where id = :id and version = :version")
                .param("code", command.code().strip())
                .param("name", command.name().strip())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Disaggregation category", id);
        }
        Map<String, CategoryView.OptionView> existing = new HashMap<>();
        current.options().forEach(o -> existing.put(o.code(), o));
        Set<String> kept = new HashSet<>();
        List<CategoryCommand.OptionCommand> options = command.options();
        for (int i = 0; i < options.size(); i++) {
            CategoryCommand.OptionCommand o = options.get(i);
            String code = o.code().strip();
            kept.add(code);
            CategoryView.OptionView old = existing.get(code);
            if (old == null) {
                insertOption(id, o, i);
            } else {
                jdbc.sql("update disaggregation_option set name = :name, sort_order = :sortOrder where id = :id")
                        .param("name", o.name().strip())
                        .param("sortOrder", sortOrder(o, i))
                        .param("id", old.id())
                        .update();
            }
        }
        for (CategoryView.OptionView old : current.options()) {
            if (!kept.contains(old.code())) {
                // fails with an integrity conflict when data values use the option
                jdbc.sql("delete from disaggregation_option where id = :id")
                        .param("id", old.id())
                        .update();
            }
        }
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        requireEditor();
        CategoryView current = get(id);
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("Disaggregation category", id);
        }
        // fails with an integrity conflict when an indicator or a data value uses the category
        jdbc.sql("delete from disaggregation_category where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
    }

    /** The categories with the given ids, with their options, by id. */
    Map<Long, CategoryView> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<CategoryView.OptionView>> options = new HashMap<>();
        jdbc.sql("select category_id, id, code, name, sort_order from disaggregation_option"
                        + " where category_id in (:ids) order by sort_order, code")
                .param("ids", ids)
                .query((rs, n) -> options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new CategoryView.OptionView(
                                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))))
                .list();
        Map<Long, CategoryView> result = new LinkedHashMap<>();
        jdbc.sql("select id, code, name, version from disaggregation_category where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    return new CategoryView(
                            id, rs.getString(2), rs.getString(3), options.getOrDefault(id, List.of()), rs.getInt(4));
                })
                .list()
                .forEach(c -> result.put(c.id(), c));
        return result;
    }

    private void insertOption(long categoryId, CategoryCommand.OptionCommand option, int index) {
        jdbc.sql("insert into disaggregation_option (category_id, code, name, sort_order)"
                        + " values (:category, :code, :name, :sortOrder)")
                .param("category", categoryId)
                .param("code", option.code().strip())
                .param("name", option.name().strip())
                .param("sortOrder", sortOrder(option, index))
                .update();
    }

    private static int sortOrder(CategoryCommand.OptionCommand option, int index) {
        return option.sortOrder() == null ? index + 1 : option.sortOrder();
    }

    private static Validation validate(CategoryCommand command) {
        Validation v = new Validation().required("code", command.code()).required("name", command.name());
        if (command.code() != null
                && !command.code().isBlank()
                && !CODE.matcher(command.code().strip()).matches()) {
            v.coded(
                    "code",
                    "must be 1 to 50 capital letters, digits or underscores, e.g. INSTITUTION_LEVEL",
                    "indicator.validation.categoryCodeFormat");
        }
        v.maxLength("name", command.name(), 200);
        if (command.options() == null || command.options().isEmpty()) {
            v.coded("options", "at least one option is required", "indicator.validation.optionsRequired");
            return v;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < command.options().size(); i++) {
            CategoryCommand.OptionCommand o = command.options().get(i);
            String field = "options[" + i + "]";
            if (o == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            v.required(field + ".code", o.code())
                    .required(field + ".name", o.name())
                    .maxLength(field + ".name", o.name(), 200)
                    .between(field + ".sortOrder", o.sortOrder(), 0, 100_000);
            if (o.code() != null && !o.code().isBlank()) {
                String code = o.code().strip();
                if (!CODE.matcher(code).matches()) {
                    v.coded(
                            field + ".code",
                            "must be 1 to 50 capital letters, digits or underscores, e.g. FEMALE",
                            "indicator.validation.optionCodeFormat");
                } else if (!codes.add(code)) {
                    v.coded(field + ".code", "'" + code + "' is listed twice", "mission.validation.listedTwice", code);
                }
            }
        }
        return v;
    }

    private static void requireEditor() {
        if (!Roles.current(EDITORS)) {
            throw new ForbiddenException(
                    "Only administrators, mission managers and data stewards maintain disaggregation categories");
        }
    }
}
