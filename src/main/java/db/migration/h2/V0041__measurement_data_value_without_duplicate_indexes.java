package db.migration.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: {@code data_value} without duplicate indexes. H2 gave each foreign key declared in
 * V0008 an index of its own (indicator, unit, option, mission, country) before V0008 created the
 * indexes the table is read by, so every row written maintained eleven indexes; most of an H2
 * import's time is spent there. The foreign keys are dropped (by the names H2 chose, read from
 * its catalogue) and the three that protect real references are declared again with names: H2
 * then uses the indexes that exist (the unique key for the indicator, {@code data_value_org_unit_idx},
 * {@code data_value_option_idx}). As on PostgreSQL (V0038), {@code mission_id} and
 * {@code country_code} copy the scope of the indicator and the unit and keep no foreign key.
 */
public class V0041__measurement_data_value_without_duplicate_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> foreignKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select constraint_name from information_schema.table_constraints
                         where table_schema = current_schema and table_name = 'data_value'
                           and constraint_type = 'FOREIGN KEY'""")) {
            while (rs.next()) {
                foreignKeys.add(rs.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeys) {
                statement.execute("alter table data_value drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
            statement.execute("alter table data_value add constraint data_value_indicator_fk"
                    + " foreign key (indicator_id) references indicator (id)");
            statement.execute("alter table data_value add constraint data_value_org_unit_fk"
                    + " foreign key (org_unit_id) references org_unit (id)");
            statement.execute("alter table data_value add constraint data_value_option_fk"
                    + " foreign key (option_id) references disaggregation_option (id)");
        }
    }
}
