/**
 * Lessons learned: what worked and what failed in a mission, tied to a mission, country, pillar and
 * dimension, with tags and the source it comes from, written in English or French. Lessons are
 * found again with full-text search (Apache Lucene): every text is analysed in English and in French,
 * a small glossary of security sector words carries a query from one language to the other, results
 * come with facets (mission, pillar, dimension, tags, language) and highlighted snippets. The index
 * lives in memory, is rebuilt from the database on start and follows every committed change. The
 * programme page asks this module for the lessons that fit a programme's pillar, country and text,
 * and a progress report shows the top lessons for its programmes' pillars and its country.
 * A starter set written from documented mission experience (UNMIL, UNOSOM) is loaded on first start.
 * Lessons are shared knowledge that every signed-in user reads, except restricted ones, which follow
 * the mission and country scope.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "mission", "geography", "indicator", "programme", "audit", "report", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.lesson;
