package org.bluehelm.shared;

/** The record does not exist, or the user may not know that it exists. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
