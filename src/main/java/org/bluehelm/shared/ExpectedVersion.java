package org.bluehelm.shared;

import org.jspecify.annotations.Nullable;

/**
 * The version a client says it read before changing a record: from the body's {@code version} or
 * the {@code If-Match} header (the record's ETag, {@code "3"}). One of the two is required so that
 * an edit made on a stale copy is refused instead of silently overwriting someone else's.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {}

    public static int of(@Nullable Integer bodyVersion, @Nullable String ifMatch) {
        Integer fromHeader = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String raw = ifMatch.strip();
            if (raw.startsWith("W/")) {
                raw = raw.substring(2);
            }
            raw = raw.replace("\"", "");
            try {
                fromHeader = Integer.valueOf(raw);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("If-Match", "'" + ifMatch + "' is not a version this server issued");
            }
        }
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw InvalidInputException.of("version", "differs from the If-Match header");
        }
        Integer version = fromHeader != null ? fromHeader : bodyVersion;
        if (version == null) {
            throw InvalidInputException.of(
                    "version", "is required to change a record: send the version you read, or an If-Match header");
        }
        return version;
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
