package org.bluehelm.lesson;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the database: rebuilt from every stored lesson on start
 * (after the starter set is loaded), then each lesson re-read once its change is committed, so a
 * rolled-back change never reaches the index. Each server keeps its own index in memory, so every
 * {@code bluehelm.lessons.catch-up} (default 30 s) it also compares the stored lessons' versions
 * and missions with what it indexed and re-reads the lessons another server added, changed or
 * deleted (and those whose mission was renamed).
 */
@Component
@Order(41)
class LessonIndexer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LessonIndexer.class);

    private final LessonService lessons;
    private final LessonIndex index;

    LessonIndexer(LessonService lessons, LessonIndex index) {
        this.lessons = lessons;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        index.rebuild(lessons.all());
        log.info("Indexed {} lessons learned", index.size());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LessonChanged event) {
        reindex(event.lessonId());
    }

    /** Re-reads every lesson whose stored stamp differs from the indexed one; returns how many. */
    @Scheduled(
            fixedDelayString = "${bluehelm.lessons.catch-up:PT30S}",
            initialDelayString = "${bluehelm.lessons.catch-up:PT30S}")
    int catchUp() {
        Map<Long, String> stored = lessons.stamps();
        Map<Long, String> indexed = index.stamps();
        Set<Long> changed = new TreeSet<>();
        stored.forEach((id, stamp) -> {
            if (!stamp.equals(indexed.get(id))) {
                changed.add(id);
            }
        });
        indexed.keySet().stream().filter(id -> !stored.containsKey(id)).forEach(changed::add);
        changed.forEach(this::reindex);
        if (!changed.isEmpty()) {
            log.info("Search index caught up with {} lessons changed elsewhere", changed.size());
        }
        return changed.size();
    }

    private void reindex(long id) {
        lessons.find(id).ifPresentOrElse(index::put, () -> index.remove(id));
    }
}
