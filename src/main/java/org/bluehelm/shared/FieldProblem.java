package org.bluehelm.shared;

/** One thing wrong with one field (or, for imports, one line) of the input. */
public record FieldProblem(String field, String message) {}
