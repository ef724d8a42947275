package org.bluehelm.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.TableFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
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
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv or xlsx");
        }
    }

    /** A column: the message key of its header and how to read its value from a row. */
    public record Column<T>(String headerKey, Function<T, @Nullable Object> value) {}

    private final MessageSource messages;

    ListExport(MessageSource messages) {
        this.messages = messages;
    }

    /** A column, for a short list of {@code ListExport.column("key", Row::value)}. */
    public static <T> Column<T> column(String headerKey, Function<T, @Nullable Object> value) {
        return new Column<>(headerKey, value);
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
                line.add(column.value().apply(row));
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
}
