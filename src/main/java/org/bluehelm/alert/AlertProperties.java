package org.bluehelm.alert;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluehelm.alerts.*}: when the daily check for missing values runs ({@code missing-cron},
 * Spring cron, default 01:30 every day; {@code -} turns it off), and the alert e-mails (sent only
 * when {@code spring.mail.host} is set): their sender ({@code mail-from}), language
 * ({@code mail-language}, en or fr) and the address of Bluehelm to link to ({@code base-url}, e.g.
 * https://bluehelm.example.org; no link without it).
 */
@ConfigurationProperties("bluehelm.alerts")
record AlertProperties(
        @DefaultValue("0 30 1 * * *") String missingCron,
        @DefaultValue("bluehelm@localhost") String mailFrom,
        @DefaultValue("en") String mailLanguage,
        @Nullable String baseUrl) {}
