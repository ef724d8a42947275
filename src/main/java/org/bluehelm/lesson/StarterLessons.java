package org.bluehelm.lesson;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionView;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the starter set of lessons shipped in {@code referencedata/lessons/lessons.csv} (written for
 * Bluehelm from documented mission experience, each with its source), after the missions. Each
 * lesson has a key and is loaded once: a lesson already loaded, even if edited since, is left alone,
 * and one deleted by a user is loaded again only if its key is free.
 */
@Component
@Order(40)
class StarterLessons implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterLessons.class);
    static final String FILE = "referencedata/lessons/lessons.csv";

    private final LessonService lessons;
    private final MissionService missions;

    StarterLessons(LessonService lessons, MissionService missions) {
        this.lessons = lessons;
        this.missions = missions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = 0;
        for (CSVRecord r : records()) {
            String acronym = blank(r.get("mission"));
            Long missionId = acronym == null
                    ? null
                    : missions.findByAcronym(acronym).map(MissionView::id).orElse(null);
            String pillar = blank(r.get("pillar"));
            String dimension = blank(r.get("dimension"));
            LessonCommand command = new LessonCommand(
                    r.get("title"),
                    blank(r.get("context")),
                    blank(r.get("what_happened")),
                    r.get("lesson"),
                    blank(r.get("recommendation")),
                    missionId,
                    null,
                    pillar == null ? null : Pillar.valueOf(pillar),
                    dimension == null ? null : Dimension.valueOf(dimension),
                    List.of(r.get("tags")),
                    r.get("source"),
                    LessonLanguage.valueOf(r.get("language")),
                    false);
            if (lessons.loadStarter(r.get("key"), command)) {
                loaded++;
            }
        }
        if (loaded > 0) {
            log.info("Loaded {} starter lessons learned", loaded);
        }
    }

    static List<CSVRecord> records() {
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new IllegalStateException("The shipped lessons cannot be read", e);
        }
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
