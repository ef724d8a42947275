package org.bluehelm.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a report once as an XHTML document (the {@code report/document} template, in the
 * report's language) and turns that same document into a PDF with openhtmltopdf, so the HTML and
 * the PDF cannot differ. The PDF embeds Liberation Sans (shipped inside PDFBox, SIL Open Font
 * Licence), which covers French accents; charts are plain boxes drawn by CSS, each next to its
 * table.
 */
@Component
class ReportRenderer {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;

    ReportRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    String html(ProgressReport report) {
        Context context = new Context(Locale.forLanguageTag(report.language()));
        context.setVariable("report", report);
        return templates.process("report/document", context);
    }

    byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(ReportRenderer::font, "Report Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(ReportRenderer::font, "Report Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        return Objects.requireNonNull(ReportRenderer.class.getResourceAsStream(FONT), FONT);
    }
}
