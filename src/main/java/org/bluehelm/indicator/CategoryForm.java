package org.bluehelm.indicator;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The disaggregation category form of the web UI: the options in the order they are shown (which
 * becomes their sort order); blank option rows are ignored.
 */
public class CategoryForm {

    static final int BLANK_ROWS = 2;

    private @Nullable String code;
    private @Nullable String name;
    private List<OptionRow> options = new ArrayList<>();
    private @Nullable Integer version;

    static CategoryForm of(CategoryView c) {
        CategoryForm form = new CategoryForm();
        form.code = c.code();
        form.name = c.name();
        c.options().forEach(o -> form.options.add(new OptionRow(o.code(), o.name())));
        form.version = c.version();
        return form.withBlankRows();
    }

    CategoryForm withBlankRows() {
        options.removeIf(OptionRow::isBlank);
        for (int i = 0; i < BLANK_ROWS; i++) {
            options.add(new OptionRow());
        }
        return this;
    }

    CategoryCommand command() {
        return new CategoryCommand(
                code,
                name,
                options.stream()
                        .filter(o -> !o.isBlank())
                        .map(o -> new CategoryCommand.OptionCommand(o.getCode(), o.getName(), null))
                        .toList());
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public List<OptionRow> getOptions() {
        return options;
    }

    public void setOptions(List<OptionRow> options) {
        this.options = options;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    /** One option: its code and name. */
    public static class OptionRow {
        private @Nullable String code;
        private @Nullable String name;

        public OptionRow() {}

        OptionRow(@Nullable String code, @Nullable String name) {
            this.code = code;
            this.name = name;
        }

        boolean isBlank() {
            return (code == null || code.isBlank()) && (name == null || name.isBlank());
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }
}
