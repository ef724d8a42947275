package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message code that the code gives a field problem ({@code Validation.coded},
 * {@code InvalidInputException.coded}, {@code new FieldProblem(field, message, code, args)} and
 * the modules' {@code problem(...)} helpers) is defined in English and in French in a bundle that
 * the application reads ({@code spring.messages.basename}); otherwise the web UI falls back on the
 * English text. A text with arguments is a valid {@link MessageFormat} with the same placeholders in
 * both languages.
 */
class CodedProblemKeysTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A call that builds a field problem with a message code. */
    private static final Pattern CALL =
            Pattern.compile("(?:\\bcoded|\\bcheckCoded|\\bproblem|new FieldProblem)\\s*\\(");

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyCodeOfAFieldProblemHasAnEnglishAndAFrenchText() throws IOException {
        Map<String, List<String>> codes = codesInSources();
        assertThat(codes).as("message codes found in the sources").hasSizeGreaterThan(100);
        Properties english = bundles("");
        Properties french = bundles("_fr");
        Map<String, List<String>> missing = new TreeMap<>();
        codes.forEach((code, files) -> {
            if (!english.containsKey(code) || !french.containsKey(code)) {
                missing.put(code + (english.containsKey(code) ? " (no French)" : " (no English)"), files);
            }
        });
        assertThat(missing)
                .as("message codes without a text, by the files that use them")
                .isEmpty();
    }

    @Test
    void textsWithArgumentsAreMessageFormatsWithTheSamePlaceholders() throws IOException {
        Properties english = bundles("");
        Properties french = bundles("_fr");
        List<String> wrong = new ArrayList<>();
        for (String code : codesInSources().keySet()) {
            String en = english.getProperty(code);
            String fr = french.getProperty(code);
            if (en == null || fr == null) {
                continue; // the other test names it
            }
            Set<String> enArgs = placeholders(en);
            Set<String> frArgs = placeholders(fr);
            if (!enArgs.equals(frArgs)) {
                wrong.add(code + ": " + enArgs + " in English, " + frArgs + " in French");
            }
            for (String text : List.of(en, fr)) {
                if (!placeholders(text).isEmpty()) {
                    try {
                        new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 2, 3, 4});
                    } catch (IllegalArgumentException e) {
                        wrong.add(code + ": " + e.getMessage() + " in '" + text + "'");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The codes, each with the source files that use it. */
    private static Map<String, List<String>> codesInSources() throws IOException {
        Map<String, List<String>> codes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    for (String literal : literalsOfCall(source, call.end())) {
                        if (KEY.matcher(literal).matches()) {
                            List<String> users = codes.computeIfAbsent(literal, k -> new ArrayList<>());
                            String name = SOURCES.relativize(file).toString();
                            if (!users.contains(name)) {
                                users.add(name);
                            }
                        }
                    }
                }
            }
        }
        return codes;
    }

    /** The string literals among the arguments of a call, from just after its opening parenthesis. */
    private static List<String> literalsOfCall(String source, int start) {
        List<String> literals = new ArrayList<>();
        int depth = 1;
        int i = start;
        while (i < source.length() && depth > 0) {
            char c = source.charAt(i);
            if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                    text.append(source.charAt(i));
                    i++;
                }
                literals.add(text.toString());
            } else if (c == '\'') {
                i += source.charAt(i + 1) == '\\' ? 3 : 2; // a char literal such as ')' or '\''
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return literals;
    }

    /** Every bundle of {@code spring.messages.basename} in one language, read as one. */
    private static Properties bundles(String language) throws IOException {
        Properties all = new Properties();
        for (String basename : basenames()) {
            ClassPathResource bundle = new ClassPathResource(basename + language + ".properties");
            assertThat(bundle.exists()).as(bundle.getPath()).isTrue();
            try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                all.load(reader);
            }
        }
        return all;
    }

    private static List<String> basenames() throws IOException {
        String yaml = new String(
                new ClassPathResource("application.yml").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\s*basename:\\s*(\\S+)\\s*$").matcher(yaml);
        assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
        return List.of(m.group(1).split(","));
    }
}
