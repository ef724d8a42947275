package org.bluehelm.shared;

/** The change collides with the stored state: a newer version, or a duplicate key. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static ConflictException staleVersion(String what, Object id) {
        return new ConflictException(
                "stale-version",
                what + " " + id + " was changed by someone else; reload it and apply your change again");
    }

    public String code() {
        return code;
    }
}
