package org.bluehelm.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; carries every problem found so that the user can fix them at once. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    /** One problem that the web UI can translate: {@code code} is a message key, {@code args} its arguments. */
    public static InvalidInputException coded(String field, String message, String code, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, message, code, List.of(args))));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
