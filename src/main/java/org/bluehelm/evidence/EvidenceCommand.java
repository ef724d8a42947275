package org.bluehelm.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bluehelm.cli.Command;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evidence panel|event-study|synth}: reads a panel CSV, runs an estimator and prints the
 * result as JSON ({@code --format json}) or as a readable table. Parses and prints only; the
 * estimators are {@link FixedEffectsRegression}, {@link EventStudy} and {@link SyntheticControl}.
 */
@Component
public class EvidenceCommand implements Command {

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public String usage() {
        return "evidence panel --panel FILE --unit COL --time COL --outcome COL --regressor COL [--regressor COL ...]"
                + " --effects unit|time|twoway [--cluster COL] [--format json]\n"
                + "  evidence event-study --panel FILE --unit COL --time COL --outcome COL"
                + " (--treatment-start COL | --treatment COL) [--leads 4] [--lags 4] [--reference -1] [--bin]"
                + " [--effects twoway] [--regressor COL ...] [--cluster COL] [--format json]\n"
                + "  evidence synth --panel FILE --unit COL --time COL --outcome COL --treated UNIT"
                + " --treatment-start TIME [--predictor COL[:FROM-TO] ...] [--fit-window FROM-TO] [--placebos]"
                + " [--format json]\n"
                + "  every estimator also takes [--units A,B,C] [--where COL=VALUE] [--from TIME] [--to TIME]"
                + " [--missing error|drop]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("evidence: name an estimator: panel, event-study or synth");
            err.println("usage: " + usage());
            return 2;
        }
        String estimator = args.get(0);
        Estimation.Options options;
        try {
            options = Estimation.Options.parse(args.subList(1, args.size()));
            Estimation.Options given = options;
            Map<String, Object> result = Estimation.run(
                    estimator,
                    options,
                    () -> Files.newBufferedReader(Path.of(given.required("--panel")), StandardCharsets.UTF_8));
            String format = options.one("--format", "table");
            if (!format.equals("json") && !format.equals("table")) {
                throw new IllegalArgumentException("--format must be json or table");
            }
            if (format.equals("json")) {
                out.println(json.writeValueAsString(result));
            } else {
                out.print(Tables.render(estimator, result));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("evidence: " + e.getMessage());
            err.println("usage: " + usage());
            return 2;
        } catch (InvalidInputException e) {
            for (FieldProblem problem : e.problems()) {
                err.println("evidence: " + problem.field() + ": " + problem.message());
            }
            return 1;
        } catch (NoSuchFileException e) {
            err.println("evidence: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("evidence: cannot read the panel: " + e.getMessage());
            return 1;
        }
    }
}
