package org.bluehelm.lesson;

/** The language a lesson is written in; its text is analysed in both anyway. */
public enum LessonLanguage {
    en,
    fr
}
