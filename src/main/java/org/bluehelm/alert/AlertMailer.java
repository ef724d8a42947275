package org.bluehelm.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.alert.AlertStore.Stored;
import org.bluehelm.identity.UserService;
import org.bluehelm.identity.UserService.MailRecipient;
import org.bluehelm.indicator.SmallCells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people about newly open alerts by e-mail, when SMTP is configured ({@code spring.mail.host}
 * set: Spring Boot then provides the {@link JavaMailSender}). Each enabled user with an e-mail
 * address gets one message listing the new alerts in their scope, small counts left out unless their
 * roles see them. Runs after the alerts are
 * committed; a failure to send is logged, never thrown.
 */
@Component
class AlertMailer {

    private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final UserService users;
    private final AlertStore store;
    private final AlertViews views;
    private final MessageSource messages;
    private final AlertProperties properties;
    private final TransactionTemplate readOnly;

    AlertMailer(
            ObjectProvider<JavaMailSender> sender,
            UserService users,
            AlertStore store,
            AlertViews views,
            MessageSource messages,
            AlertProperties properties,
            PlatformTransactionManager transactions) {
        this.sender = sender;
        this.users = users;
        this.store = store;
        this.views = views;
        this.messages = messages;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Mails the alerts (by id) to the people whose scope covers them; does nothing without SMTP. */
    void tell(List<Long> alertIds) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || alertIds.isEmpty()) {
            return;
        }
        try {
            Map<String, List<AlertView>> byAddress = readOnly.execute(s -> recipients(alertIds));
            if (byAddress == null) {
                return;
            }
            Locale locale = Locale.forLanguageTag(properties.mailLanguage());
            byAddress.forEach((address, alerts) -> send(mail, address, alerts, locale));
        } catch (RuntimeException e) {
            log.error("Could not prepare the e-mails of {} new alerts", alertIds.size(), e);
        }
    }

    /**
     * Each address with the alerts its owner may read, as they may see them: small counts left out
     * for those whose roles do not see small cells ({@link SmallCells}).
     */
    private Map<String, List<AlertView>> recipients(List<Long> alertIds) {
        List<Stored> stored =
                alertIds.stream().map(store::alert).flatMap(Optional::stream).toList();
        List<AlertView> whole = views.whole(stored);
        List<AlertView> suppressed = views.forAnyReader(whole);
        Map<String, List<AlertView>> byAddress = new LinkedHashMap<>();
        for (MailRecipient r : users.mailRecipients()) {
            for (AlertView a : SmallCells.visibleTo(r.roles()) ? whole : suppressed) {
                if (r.scope().canRead(a.missionId(), a.countryCode())) {
                    byAddress.computeIfAbsent(r.email(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return byAddress;
    }

    private void send(JavaMailSender mail, String address, List<AlertView> alerts, Locale locale) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(address);
        message.setSubject(messages.getMessage("alert.mail.subject", new Object[] {alerts.size()}, locale));
        StringBuilder text = new StringBuilder(messages.getMessage("alert.mail.intro", null, locale)).append("\n\n");
        for (AlertView a : alerts) {
            text.append("- ")
                    .append(a.indicatorCode())
                    .append(" (")
                    .append(a.indicatorName())
                    .append("), ")
                    .append(a.orgUnitName())
                    .append(", ")
                    .append(a.period())
                    .append(": ")
                    .append(views.sentence(a, locale))
                    .append('\n');
        }
        String base = properties.baseUrl();
        if (base != null && !base.isBlank()) {
            text.append('\n').append(base.replaceAll("/+$", "")).append("/alerts\n");
        }
        message.setText(text.toString());
        try {
            mail.send(message);
        } catch (RuntimeException e) {
            log.warn("Could not send the alert e-mail to {}: {}", address, e.getMessage());
        }
    }
}
