package org.bluehelm.evidence;

import java.util.List;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;

/**
 * Problems with an estimation's input: the English text that the API and the command line show,
 * with the message code ({@code evidence.validation.*}) and arguments that the screens translate.
 */
final class Refused {

    private Refused() {}

    static InvalidInputException of(String field, String message, String code, Object... args) {
        return new InvalidInputException(List.of(problem(field, message, code, args)));
    }

    static FieldProblem problem(String field, String message, String code, Object... args) {
        return new FieldProblem(field, message, code, List.of(args));
    }
}
