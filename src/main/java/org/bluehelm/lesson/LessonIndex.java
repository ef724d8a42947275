package org.bluehelm.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The full-text index of lessons, in memory. Each text is indexed twice, with the English analyzer
 * (fields {@code *_en}) and the French one ({@code *_fr}), and a query runs against both, plus the
 * {@link Glossary} translations of its words. Facets are sorted-set doc values (no taxonomy index);
 * access is a filter on the restricted flag, mission and country following {@link AccessScope}.
 * Snippets are made by the classic highlighter over the stored body: the text is HTML-escaped and the
 * matching words wrapped in {@code <mark>}.
 */
@Component
class LessonIndex implements DisposableBean {

    static final List<String> FACETS = List.of("mission", "pillar", "dimension", "tag", "language");

    private static final int SNIPPET_CHARS = 160;
    private static final int MAX_TERMS = 200;

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer french = new FrenchAnalyzer();
    private final Analyzer analyzer;
    private final FacetsConfig facets = new FacetsConfig();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** What each indexed lesson was indexed from ({@link #stamp}), to find lessons changed elsewhere. */
    private final Map<Long, String> stamps = new HashMap<>();

    LessonIndex() {
        analyzer = new PerFieldAnalyzerWrapper(
                new StandardAnalyzer(),
                Map.of("title_en", english, "body_en", english, "title_fr", french, "body_fr", french));
        facets.setMultiValued("tag", true);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the lesson, or replaces its earlier version, and makes it searchable. */
    synchronized void put(LessonView lesson) {
        try {
            writer.updateDocument(new Term("id", String.valueOf(lesson.id())), facets.build(document(lesson)));
            refresh();
            stamps.put(lesson.id(), stamp(lesson.version(), lesson.missionAcronym()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void remove(long id) {
        try {
            writer.deleteDocuments(new Term("id", String.valueOf(id)));
            refresh();
            stamps.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with these lessons. */
    synchronized void rebuild(List<LessonView> lessons) {
        try {
            writer.deleteAll();
            stamps.clear();
            for (LessonView lesson : lessons) {
                writer.addDocument(facets.build(document(lesson)));
                stamps.put(lesson.id(), stamp(lesson.version(), lesson.missionAcronym()));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a lesson's document is made from beside its own columns: its version and its mission's
     * acronym (a facet). A stored lesson whose stamp differs from the indexed one is re-indexed.
     */
    static String stamp(int version, @Nullable String missionAcronym) {
        return version + "/" + (missionAcronym == null ? "" : missionAcronym);
    }

    /** The stamp of every indexed lesson, by id. */
    synchronized Map<Long, String> stamps() {
        return Map.copyOf(stamps);
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    LessonSearch.Result search(LessonSearch search, AccessScope scope, int page, int size) {
        @Nullable Query text = search.q() == null || search.q().isBlank() ? null : textQuery(search.q());
        BooleanQuery.Builder base = new BooleanQuery.Builder();
        base.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        base.add(access(scope), Occur.FILTER);
        DrillDownQuery query = new DrillDownQuery(facets, base.build());
        drill(query, "mission", search.mission());
        drill(query, "pillar", search.pillar());
        drill(query, "dimension", search.dimension());
        drill(query, "tag", search.tag());
        drill(query, "language", search.language());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return new LessonSearch.Result(List.of(), 0, Map.of());
                }
                FacetsCollector collector = new FacetsCollector();
                int wanted = (page + 1) * size;
                TopDocs top = text == null
                        ? FacetsCollector.search(
                                searcher,
                                query,
                                wanted,
                                new Sort(new SortField("order", SortField.Type.LONG, true)),
                                collector)
                        : FacetsCollector.search(searcher, query, wanted, collector);
                List<LessonSearch.Hit> hits = new ArrayList<>();
                for (int i = page * size; i < top.scoreDocs.length; i++) {
                    hits.add(hit(searcher, top.scoreDocs[i], text));
                }
                return new LessonSearch.Result(hits, top.totalHits.value, facetCounts(searcher, collector));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lessons nearest a text, with a bonus for the same pillar and the same country, best first. */
    List<LessonSearch.Hit> similar(
            String text, @Nullable Pillar pillar, @Nullable String country, AccessScope scope, int limit) {
        return similar(text, pillar == null ? List.of() : List.of(pillar), country, scope, limit);
    }

    /** The same, for any of several pillars (a mission's or country's programmes). */
    List<LessonSearch.Hit> similar(
            String text, Collection<Pillar> pillars, @Nullable String country, AccessScope scope, int limit) {
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        Query words = termsQuery(text + " " + Glossary.expand(text));
        should.add(words, Occur.SHOULD);
        for (Pillar pillar : pillars) {
            should.add(new BoostQuery(new TermQuery(new Term("pillar_id", pillar.name())), 2f), Occur.SHOULD);
        }
        if (country != null) {
            should.add(new BoostQuery(new TermQuery(new Term("country", country)), 1.5f), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(should.build(), Occur.MUST)
                .add(access(scope), Occur.FILTER)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<LessonSearch.Hit> hits = new ArrayList<>();
                for (ScoreDoc doc : searcher.search(query, limit).scoreDocs) {
                    hits.add(hit(searcher, doc, words));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private void refresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(LessonView l) {
        Document doc = new Document();
        String body = body(l);
        doc.add(new StringField("id", String.valueOf(l.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField("order", l.id()));
        doc.add(new StoredField("title", l.title()));
        doc.add(new StoredField("body", body));
        doc.add(new StoredField("source", l.source()));
        doc.add(new TextField("title_en", l.title(), Field.Store.NO));
        doc.add(new TextField("title_fr", l.title(), Field.Store.NO));
        String searchable = body + (l.tags().isEmpty() ? "" : " " + String.join(" ", l.tags()));
        doc.add(new TextField("body_en", searchable, Field.Store.NO));
        doc.add(new TextField("body_fr", searchable, Field.Store.NO));
        doc.add(new StringField("restricted", String.valueOf(l.restricted()), Field.Store.NO));
        doc.add(new StringField(
                "mission_id", l.missionId() == null ? "-" : l.missionId().toString(), Field.Store.NO));
        doc.add(new StringField("country", l.countryCode() == null ? "-" : l.countryCode(), Field.Store.NO));
        if (l.pillar() != null) {
            doc.add(new StringField("pillar_id", l.pillar().name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("pillar", l.pillar().name()));
            doc.add(new StoredField("pillar", l.pillar().name()));
        }
        if (l.missionAcronym() != null) {
            doc.add(new SortedSetDocValuesFacetField("mission", l.missionAcronym()));
            doc.add(new StoredField("mission", l.missionAcronym()));
        }
        if (l.dimension() != null) {
            doc.add(new SortedSetDocValuesFacetField("dimension", l.dimension().name()));
            doc.add(new StoredField("dimension", l.dimension().name()));
        }
        for (String tag : l.tags()) {
            doc.add(new SortedSetDocValuesFacetField("tag", tag));
            doc.add(new StoredField("tag", tag));
        }
        doc.add(new SortedSetDocValuesFacetField("language", l.language().name()));
        doc.add(new StoredField("language", l.language().name()));
        return doc;
    }

    /** The lesson's texts in reading order: what the snippet is cut from. */
    private static String body(LessonView l) {
        StringBuilder body = new StringBuilder(l.lesson());
        for (String part : new String[] {l.recommendation(), l.whatHappened(), l.context()}) {
            if (part != null) {
                body.append("\n").append(part);
            }
        }
        return body.toString();
    }

    /** The words typed, parsed in English and in French, and their glossary translations. */
    private Query textQuery(String q) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(parser(english, "en").parse(q), Occur.SHOULD);
        query.add(parser(french, "fr").parse(q), Occur.SHOULD);
        String translations = Glossary.expand(q);
        if (!translations.isBlank()) {
            query.add(new BoostQuery(termsQuery(translations), 0.8f), Occur.SHOULD);
        }
        return query.build();
    }

    private static SimpleQueryParser parser(Analyzer analyzer, String language) {
        return new SimpleQueryParser(analyzer, Map.of("title_" + language, 2f, "body_" + language, 1f));
    }

    /** Every word of the text, analysed in both languages, as optional terms of the title and body fields. */
    private Query termsQuery(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int count = 0;
        for (String language : List.of("en", "fr")) {
            Analyzer a = language.equals("en") ? english : french;
            for (String term : terms(a, "body_" + language, text)) {
                if (count++ >= MAX_TERMS) {
                    break;
                }
                query.add(new TermQuery(new Term("body_" + language, term)), Occur.SHOULD);
                query.add(new BoostQuery(new TermQuery(new Term("title_" + language, term)), 2f), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Which documents the scope reads: every lesson not restricted, and restricted ones as {@link AccessScope#canRead}. */
    private static Query access(AccessScope scope) {
        if (scope.global()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermQuery(new Term("restricted", "false")), Occur.SHOULD);
        q.add(
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("mission_id", "-")), Occur.FILTER)
                        .add(new TermQuery(new Term("country", "-")), Occur.FILTER)
                        .build(),
                Occur.SHOULD);
        for (String country : scope.countryCodes()) {
            q.add(new TermQuery(new Term("country", country)), Occur.SHOULD);
        }
        for (Long mission : scope.missionIds()) {
            q.add(new TermQuery(new Term("mission_id", mission.toString())), Occur.SHOULD);
        }
        for (String host : scope.missionHostCountries()) {
            q.add(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("mission_id", "-")), Occur.FILTER)
                            .add(new TermQuery(new Term("country", host)), Occur.FILTER)
                            .build(),
                    Occur.SHOULD);
        }
        return q.build();
    }

    private static void drill(DrillDownQuery query, String dimension, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.add(dimension, value.strip());
        }
    }

    private Map<String, List<LessonSearch.FacetCount>> facetCounts(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        SortedSetDocValuesReaderState state =
                new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
        Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
        Map<String, List<LessonSearch.FacetCount>> result = new LinkedHashMap<>();
        for (String dimension : FACETS) {
            List<LessonSearch.FacetCount> values = new ArrayList<>();
            FacetResult top;
            try {
                top = counts.getTopChildren(30, dimension);
            } catch (IllegalArgumentException notIndexed) {
                top = null;
            }
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.add(new LessonSearch.FacetCount(lv.label, lv.value.longValue()));
                }
            }
            result.put(dimension, values);
        }
        return result;
    }

    private LessonSearch.Hit hit(IndexSearcher searcher, ScoreDoc scoreDoc, @Nullable Query text) throws IOException {
        Document doc = searcher.storedFields().document(scoreDoc.doc);
        String body = doc.get("body");
        return new LessonSearch.Hit(
                Long.parseLong(doc.get("id")),
                doc.get("title"),
                text == null ? plainSnippet(body) : snippet(text, body, doc.get("language")),
                doc.get("mission"),
                doc.get("pillar"),
                doc.get("dimension"),
                List.of(doc.getValues("tag")),
                doc.get("language"),
                doc.get("source"),
                Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score);
    }

    /**
     * The best fragments of the body with the matched words marked, as analysed in the lesson's own
     * language, or in the other one when only a translation matched.
     */
    private String snippet(Query query, String body, String own) {
        String best = null;
        int bestMarks = 0;
        for (String language : own.equals("fr") ? List.of("fr", "en") : List.of("en", "fr")) {
            if (best != null) {
                break;
            }
            String field = "body_" + language;
            QueryScorer scorer = new QueryScorer(query, field);
            Highlighter highlighter =
                    new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
            try {
                String fragments = highlighter.getBestFragments(
                        (language.equals("en") ? english : french).tokenStream(field, body), body, 2, " … ");
                int marks = fragments.split("<mark>", -1).length - 1;
                if (marks > bestMarks) {
                    best = fragments;
                    bestMarks = marks;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidTokenOffsetsException e) {
                // a fragment the analyzer cannot map back to the text: fall back to the plain start
            }
        }
        return best == null ? plainSnippet(body) : best;
    }

    private static String plainSnippet(String body) {
        String start = body.length() <= SNIPPET_CHARS * 2 ? body : body.substring(0, SNIPPET_CHARS * 2) + " …";
        return HtmlUtils.htmlEscape(start);
    }
}
