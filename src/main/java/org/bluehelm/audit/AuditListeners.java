package org.bluehelm.audit;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.measurement.DataValuesImported;
import org.bluehelm.measurement.IndicatorValuesDeleted;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.conversion.DbAction;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns changes into audit entries, synchronously and so inside the changing transaction: every
 * aggregate saved or deleted through a Spring Data JDBC repository (its simple fields, without
 * secrets or personal contact details), every batch of data values (one entry with counts), and
 * every sign-in through the sign-in form and every failed sign-in. Data values saved one by one are audited through their
 * {@link DataValuesChanged} event only, so that each write gives one entry.
 */
@Component
class AuditListeners {

    /** Fields never written to the log, by (lower-case) name fragment. */
    private static final List<String> SECRET = List.of("password", "hash", "token", "secret", "email", "phone");

    private static final String DATA_VALUE = "data_value";

    private final AuditLog log;
    private final RelationalMappingContext mapping;

    AuditListeners(AuditLog log, RelationalMappingContext mapping) {
        this.log = log;
        this.mapping = mapping;
    }

    @EventListener
    void saved(AfterSaveEvent<?> event) {
        Object entity = event.getEntity();
        RelationalPersistentEntity<?> type = mapping.getRequiredPersistentEntity(entity.getClass());
        String table = type.getTableName().getReference();
        if (DATA_VALUE.equals(table)) {
            return;
        }
        boolean[] created = {false};
        event.getAggregateChange().forEachAction(action -> {
            if (action instanceof DbAction.InsertRoot<?> || action instanceof DbAction.BatchInsertRoot<?>) {
                created[0] = true;
            }
        });
        log.record(
                created[0] ? AuditAction.CREATE : AuditAction.UPDATE,
                table,
                String.valueOf(id(type, entity)),
                fields(type, entity));
    }

    @EventListener
    void deleted(AfterDeleteEvent<?> event) {
        RelationalPersistentEntity<?> type = mapping.getRequiredPersistentEntity(event.getType());
        String table = type.getTableName().getReference();
        if (DATA_VALUE.equals(table)) {
            return;
        }
        log.record(AuditAction.DELETE, table, String.valueOf(event.getId().getValue()), Map.of());
    }

    @EventListener
    void dataValues(DataValuesChanged event) {
        int created = 0;
        int updated = 0;
        int deleted = 0;
        TreeSet<Long> indicators = new TreeSet<>();
        TreeSet<String> periods = new TreeSet<>();
        for (DataValuesChanged.Change c : event.changes()) {
            indicators.add(c.indicatorId());
            periods.add(c.periodId());
            if (c.oldValue() == null) {
                created++;
            } else if (c.newValue() == null) {
                deleted++;
            } else {
                updated++;
            }
        }
        if (event.changes().isEmpty()) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", created);
        summary.put("updated", updated);
        summary.put("deleted", deleted);
        summary.put("indicators", indicators);
        summary.put("periods", periods.size() > 20 ? periods.size() + " periods" : periods);
        if (event.changes().size() == 1) {
            DataValuesChanged.Change c = event.changes().get(0);
            summary.put("orgUnit", c.orgUnitId());
            summary.put("value", c.newValue() == null ? null : c.newValue().toPlainString());
        }
        AuditAction action = updated == 0 && deleted == 0
                ? AuditAction.CREATE
                : (created == 0 && updated == 0 ? AuditAction.DELETE : AuditAction.UPDATE);
        String recordId = indicators.size() == 1 ? String.valueOf(indicators.first()) : "batch";
        log.record(action, "data_values", recordId, summary);
    }

    /** One entry for a whole import written set-based, with the same summary as a batch's. */
    @EventListener
    void dataValuesImported(DataValuesImported event) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", event.created());
        summary.put("updated", event.updated());
        summary.put("deleted", 0);
        summary.put("indicators", new TreeSet<>(event.indicatorIds()));
        List<String> periods = event.periodIds();
        summary.put("periods", periods.size() > 20 ? periods.size() + " periods" : new TreeSet<>(periods));
        AuditAction action = event.updated() == 0 ? AuditAction.CREATE : AuditAction.UPDATE;
        String recordId = event.indicatorIds().size() == 1
                ? String.valueOf(event.indicatorIds().get(0))
                : "batch";
        log.record(action, "data_values", recordId, summary);
    }

    @EventListener
    void indicatorValuesDeleted(IndicatorValuesDeleted event) {
        log.record(AuditAction.DELETE, "data_values", String.valueOf(event.indicatorId()), Map.of("all", true));
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        // a sign-in is the sign-in form; an API request authenticating with Basic on every call
        // is not one, and recording it would add a write (and the log's lock) to every API read
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes request)
                || !request.getRequest()
                        .getRequestURI()
                        .equals(request.getRequest().getContextPath() + "/login")) {
            return;
        }
        String user = clip(event.getAuthentication().getName());
        log.record(user, AuditAction.SIGN_IN, "app_user", user, Map.of());
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        String user = clip(String.valueOf(event.getAuthentication().getPrincipal()));
        log.record(
                user,
                AuditAction.SIGN_IN_FAILED,
                "app_user",
                user,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    private static @Nullable Object id(RelationalPersistentEntity<?> type, Object entity) {
        return type.getIdentifierAccessor(entity).getIdentifier();
    }

    /** The simple fields of an aggregate root with their new values; nested entities and secrets left out. */
    private static Map<String, @Nullable Object> fields(RelationalPersistentEntity<?> type, Object entity) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        var accessor = type.getPropertyAccessor(entity);
        for (RelationalPersistentProperty p : type) {
            String name = p.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (p.isIdProperty()
                    || p.isVersionProperty()
                    || p.isEntity()
                    || p.isCollectionLike()
                    || p.isMap()
                    || SECRET.stream().anyMatch(lower::contains)) {
                continue;
            }
            Object value = accessor.getProperty(p);
            values.put(name, value == null ? null : simple(value));
        }
        return values;
    }

    private static Object simple(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return String.valueOf(value);
    }

    private static String clip(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
