package org.bluehelm.complaint;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The performance of oversight bodies for every signed-in user in scope ({@code /complaints/performance}),
 * with small cells suppressed for those who must not see them, its CSV download (suppressed cells
 * left empty), and the administrators' button that republishes the accountability indicators.
 */
@Controller
class CasePerformanceController {

    private final CasePerformanceService performance;
    private final AccountabilityIndicatorPublisher publisher;
    private final MessageSource messages;

    CasePerformanceController(
            CasePerformanceService performance, AccountabilityIndicatorPublisher publisher, MessageSource messages) {
        this.performance = performance;
        this.publisher = publisher;
        this.messages = messages;
    }

    @GetMapping("/complaints/performance")
    String show(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long oversightBody,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            Model model) {
        model.addAttribute("countries", performance.countries(AccessScope.current()));
        model.addAttribute("bodies", performance.bodyNames());
        model.addAttribute("institutions", performance.institutionNames());
        model.addAttribute("groupings", CasePerformanceService.Grouping.values());
        model.addAttribute("results", CasePerformanceService.RESULTS);
        model.addAttribute(
                "breadcrumbs",
                List.of(new Crumb(
                        messages.getMessage("accountability.performance.title", null, LocaleContextHolder.getLocale()),
                        null)));
        try {
            model.addAttribute(
                    "performance",
                    performance.performance(
                            query(country, oversightBody, institution, periodType, from, to, by),
                            AccessScope.current()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
        return "complaint/performance";
    }

    @GetMapping("/complaints/performance.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Long oversightBody,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String periodType,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by) {
        CasePerformance result = performance.performance(
                query(country, oversightBody, institution, periodType, from, to, by), AccessScope.current());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("case-performance.csv")
                                .build()
                                .toString())
                .body(csv(result).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/complaints/performance/republish")
    @PreAuthorize("hasRole('ADMIN')")
    String republish(RedirectAttributes redirect) {
        AccountabilityIndicatorPublisher.Published p = publisher.republish();
        redirect.addFlashAttribute(
                "republished", List.of(p.created(), p.updated(), p.deleted(), p.unchanged(), p.locked()));
        return "redirect:/complaints/performance";
    }

    static CasePerformanceService.Query query(
            @Nullable String country,
            @Nullable Long oversightBody,
            @Nullable Long institution,
            @Nullable String periodType,
            @Nullable String from,
            @Nullable String to,
            @Nullable String by) {
        return new CasePerformanceService.Query(
                blank(country) ? null : country,
                oversightBody,
                institution,
                blank(periodType) ? null : parse(PeriodType.class, "periodType", periodType),
                from,
                to,
                blank(by) ? null : parse(CasePerformanceService.Grouping.class, "by", by));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            String allowed = java.util.Arrays.toString(type.getEnumConstants());
            throw new InvalidInputException(List.of(
                    new FieldProblem(field, "is not one of " + allowed, "complaint.error.oneOf", List.of(allowed))));
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** The rows as CSV: one line per row, suppressed cells empty. */
    static String csv(CasePerformance result) {
        List<String> headers = new ArrayList<>(List.of(
                "period",
                "oversightBodyId",
                "oversightBody",
                "institutionId",
                "institution",
                "received",
                "openAtEnd",
                "closed",
                "medianDaysToClose",
                "substantiated",
                "unsubstantiated",
                "substantiatedSharePercent",
                "referredDiscipline",
                "referredProsecution"));
        CasePerformanceService.RESULTS.forEach(r -> headers.add("referralResult" + r));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(headers.toArray(String[]::new))
                .get()
                .print(out)) {
            for (CasePerformance.Row row : result.rows()) {
                List<@Nullable Object> line = new ArrayList<>();
                line.add(row.period());
                line.add(row.oversightBodyId());
                line.add(row.oversightBody());
                line.add(row.institutionId());
                line.add(row.institution());
                for (CasePerformance.Cell c : List.of(
                        row.received(),
                        row.openAtEnd(),
                        row.closed(),
                        row.medianDaysToClose(),
                        row.substantiated(),
                        row.unsubstantiated(),
                        row.substantiatedShare(),
                        row.referredDiscipline(),
                        row.referredProsecution())) {
                    line.add(plain(c));
                }
                CasePerformanceService.RESULTS.forEach(
                        r -> line.add(plain(row.referralResults().get(r))));
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static @Nullable String plain(CasePerformance.@Nullable Cell cell) {
        BigDecimal v = cell == null ? null : cell.value();
        return v == null ? null : v.toPlainString();
    }
}
