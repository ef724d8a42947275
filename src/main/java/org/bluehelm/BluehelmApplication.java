package org.bluehelm;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Bluehelm: security sector reform in peace operations, one modular application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BluehelmApplication {

    public static void main(String[] args) {
        SpringApplication.run(BluehelmApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
