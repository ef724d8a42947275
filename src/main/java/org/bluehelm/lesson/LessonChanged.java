package org.bluehelm.lesson;

/** A lesson was recorded, changed or deleted; the search index follows once the change is committed. */
record LessonChanged(long lessonId) {}
