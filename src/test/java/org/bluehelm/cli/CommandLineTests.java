package org.bluehelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    @Test
    void aWordFirstIsACommandAnOptionOrNothingStartsTheServer() {
        assertThat(CommandLine.isCommand(new String[] {"bench", "analytics"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {})).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=9000"})).isFalse();
    }

    @Test
    void argumentsSurviveTheTripThroughAProperty() {
        String joined = String.join(CommandLine.SEPARATOR, List.of("analytics", "--values", "1 000"));
        assertThat(CommandLine.arguments(joined)).containsExactly("analytics", "--values", "1 000");
        assertThat(CommandLine.arguments("")).isEmpty();
    }
}
