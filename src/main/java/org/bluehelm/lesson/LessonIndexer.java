package org.bluehelm.lesson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the database: rebuilt from every stored lesson on start
 * (after the starter set is loaded), then each lesson re-read once its change is committed, so a
 * rolled-back change never reaches the index.
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
        lessons.find(event.lessonId()).ifPresentOrElse(index::put, () -> index.remove(event.lessonId()));
    }
}
