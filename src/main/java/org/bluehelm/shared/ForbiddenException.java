package org.bluehelm.shared;

/** The signed-in user may see the record but not do this to it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
