package org.bluehelm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.TableFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * A list screen as a file to download (CSV or XLSX): the same filtered rows the user sees, every
 * page of them, fetched through the same service query (so restricted to the user's scope), with
 * the columns the controller chooses. Headers are message keys, written in the user's language.
 * Controllers list only columns that may leave: no identities, and nothing the screen hides.
 */
@Component
public class ListExport {

    /** Rows one export may hold; a longer list asks the user to filter. */
    public static final int MAX_ROWS = 100_000;

    /** The formats a list downloads in. */
    public enum Format {
        CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
        XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        private final String extension;
        private final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** {@code csv} or {@code xlsx}, any case; anything else is a bad request. */
        public MediaType mediaType() {
            return mediaType;
        }

        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv or xlsx");
        }
    }

    /**
     * A column: the message key of its header and how to read its value from a row. With a label
     * prefix the value is a code (an enum, or its name as text, or a collection of them) written as
     * the screen shows it: the message {@code labelPrefix + name} in the user's language, the name
     * itself when no text is defined, the items of a collection separated by commas.
     */
    public record Column<T>(
            String headerKey,
            Function<T, @Nullable Object> value,
            @Nullable String labelPrefix) {

        /** A column whose values are written as they are. */
        public Column(String headerKey, Function<T, @Nullable Object> value) {
            this(headerKey, value, null);
        }
    }

    /**
     * What a list exports: the file's base name (ASCII letters, digits, '-') and its columns. Defined
     * once per list and used by both the screen's download and the API's, so the two files are the
     * same.
     */
    public record Table<T>(String baseName, List<Column<T>> columns) {

        @SafeVarargs
        public static <T> Table<T> of(String baseName, Column<T>... columns) {
            return new Table<>(baseName, List.of(columns));
        }
    }

    private final MessageSource messages;

    ListExport(MessageSource messages) {
        this.messages = messages;
    }

    /** A column, for a short list of {@code ListExport.column("key", Row::value)}. */
    public static <T> Column<T> column(String headerKey, Function<T, @Nullable Object> value) {
        return new Column<>(headerKey, value);
    }

    /**
     * A column of an enum written as the screen shows it: the message {@code labelPrefix + name()} in
     * the user's language ({@code label("field.status", "risk.status.", RiskView::status)}); its
     * name when no text is defined. The JSON API keeps the name.
     */
    public static <T> Column<T> label(String headerKey, String labelPrefix, Function<T, @Nullable Enum<?>> value) {
        return new Column<>(headerKey, value::apply, labelPrefix);
    }

    /**
     * A column of a code kept as text (an enum's name, a language code) written as the screen shows
     * it: the message {@code labelPrefix + code} in the user's language; the code when no text is
     * defined.
     */
    public static <T> Column<T> codeLabel(String headerKey, String labelPrefix, Function<T, @Nullable String> value) {
        return new Column<>(headerKey, value::apply, labelPrefix);
    }

    /**
     * A column of several enums written as the screen shows them: each the message {@code
     * labelPrefix + name()} in the user's language (its name when no text is defined), separated by
     * commas.
     */
    public static <T> Column<T> labels(
            String headerKey, String labelPrefix, Function<T, ? extends Collection<? extends Enum<?>>> value) {
        return new Column<>(headerKey, value::apply, labelPrefix);
    }

    /**
     * Every item of a paged query: pages of {@link PageQuery#MAX_SIZE} until the total is reached.
     *
     * @param page the query for one page, given the page number and size
     */
    public static <T> List<T> allPages(PageFetcher<T> page) {
        List<T> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            PageResponse<T> result = page.fetch(p, PageQuery.MAX_SIZE);
            all.addAll(result.items());
            if (all.size() > MAX_ROWS) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "more than " + MAX_ROWS + " rows; filter the list first");
            }
            if (result.items().isEmpty() || all.size() >= result.total()) {
                return all;
            }
        }
    }

    /** A query for one page of a list. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        PageResponse<T> fetch(int page, int size);
    }

    /** The rows as the table's file in {@code format} ({@code csv} or {@code xlsx}). */
    public <T> ResponseEntity<byte[]> download(Table<T> table, String format, List<T> rows) {
        return download(table.baseName(), format, table.columns(), rows);
    }

    /**
     * An API list call: its JSON, or, when the request asks for a file ({@code format=csv|xlsx} or an
     * {@code Accept} of {@code text/csv} or the XLSX type), the same file as the list screen with
     * every row the filters select. The rows come from the same service query as the JSON, so they
     * are restricted to the caller's scope in the same way. Mark the handler with {@link ListFile}
     * to document the formats.
     */
    public <T> ResponseEntity<?> jsonOrFile(Table<T> table, Supplier<List<T>> rows, Supplier<?> json) {
        Format format = requested();
        if (format == null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
        }
        return download(table, format.extension, rows.get());
    }

    /**
     * The file the current request asks for: {@code format} {@code csv} or {@code xlsx} (a bad
     * {@code format} is a 400), else the first of JSON, CSV or XLSX in its {@code Accept} header;
     * {@code null} for JSON.
     */
    static @Nullable Format requested() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String format = request.getParameter("format");
        if (format != null && !format.isBlank()) {
            return "json".equalsIgnoreCase(format.strip()) ? null : Format.of(format);
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return null;
        }
        List<MediaType> accepted;
        // in order of preference: by quality, then as written
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            for (Format f : Format.values()) {
                if (f.mediaType.equalsTypeAndSubtype(type)) {
                    return f;
                }
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return null;
            }
        }
        return null;
    }

    /** The rows as a download named {@code baseName} (ASCII letters, digits, '-') plus the extension. */
    public <T> ResponseEntity<byte[]> download(String baseName, String format, List<Column<T>> columns, List<T> rows) {
        Format f = Format.of(format);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            headers.add(messages.getMessage(column.headerKey(), null, column.headerKey(), locale));
        }
        List<List<@Nullable Object>> lines = new ArrayList<>(rows.size());
        for (T row : rows) {
            List<@Nullable Object> line = new ArrayList<>(columns.size());
            for (Column<T> column : columns) {
                @Nullable Object value = column.value().apply(row);
                String prefix = column.labelPrefix();
                line.add(prefix == null ? value : label(prefix, value, locale));
            }
            lines.add(line);
        }
        byte[] body = f == Format.CSV ? TableFile.csv(headers, lines) : TableFile.xlsx(headers, lines, baseName);
        return ResponseEntity.ok()
                .contentType(f.mediaType)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(baseName + "." + f.extension)
                                .build()
                                .toString())
                .body(body);
    }

    /**
     * A coded value as the screen shows it: {@code prefix + code} in {@code locale}, the code when no
     * text is defined; the items of a collection separated by commas.
     */
    private @Nullable String label(String prefix, @Nullable Object value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> items) {
            List<String> labels = new ArrayList<>(items.size());
            for (Object item : items) {
                String text = label(prefix, item, locale);
                if (text != null) {
                    labels.add(text);
                }
            }
            return String.join(", ", labels);
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        return messages.getMessage(prefix + code, null, code, locale);
    }
}
