package org.bluehelm.lesson;

import java.util.List;
import java.util.Locale;
import org.bluehelm.report.ReportSection;
import org.bluehelm.report.ReportSubject;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The lessons section of a progress report: the lessons most relevant to the pillars of the
 * subject's programmes and to its country (the top hits of the lesson search that the requester may
 * read), each with its mission, pillar and the source it comes from.
 */
@Component
@Order(2)
class LessonReportSection implements ReportSection {

    static final int TOP = 5;

    private final LessonService lessons;
    private final MessageSource messages;

    LessonReportSection(LessonService lessons, MessageSource messages) {
        this.lessons = lessons;
        this.messages = messages;
    }

    @Override
    public Table table(ReportSubject subject, String period, Locale language) {
        List<List<String>> rows = lessons.relevantTo(subject.pillars(), subject.countryCode(), TOP).stream()
                .map(hit -> List.of(
                        hit.title(),
                        hit.missionAcronym() == null ? "-" : hit.missionAcronym(),
                        hit.pillar() == null ? "-" : text("pillar." + hit.pillar(), language),
                        hit.source()))
                .toList();
        return new Table(
                text("lesson.report.title", language),
                List.of(
                        text("lesson.report.lesson", language),
                        text("lesson.report.mission", language),
                        text("lesson.report.pillar", language),
                        text("lesson.report.source", language)),
                rows,
                text("lesson.report.none", language));
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, key, language);
    }
}
