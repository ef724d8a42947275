package org.bluehelm;

import java.time.Clock;
import org.bluehelm.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Bluehelm: security sector reform in peace operations, one modular application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BluehelmApplication {

    /** Starts the web server, or runs a command when the first argument names one (see {@link CommandLine}). */
    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(BluehelmApplication.class, args));
        }
        SpringApplication.run(BluehelmApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
