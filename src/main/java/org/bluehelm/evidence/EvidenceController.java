package org.bluehelm.evidence;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.web.Crumb;
import org.bluehelm.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The estimators in the browser: choose a panel (a panel source, or a CSV uploaded and kept in the
 * session, never stored), pick its columns and the estimator's options, run, read the result with
 * its uncertainty, download it as JSON or CSV; and the method pages.
 */
@Controller
class EvidenceController {

    static final String UPLOAD = "upload";
    private static final String SESSION_KEY = "evidence.upload";
    private static final List<String> METHODS = List.of("panel", "event-study", "synth");

    private final EvidenceService evidence;
    private final MessageSource messages;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    EvidenceController(EvidenceService evidence, MessageSource messages) {
        this.evidence = evidence;
        this.messages = messages;
    }

    /** An uploaded panel, kept in the user's session only. */
    record Upload(String name, String csv) implements Serializable {}

    @GetMapping("/evidence")
    String page(
            @RequestParam(required = false) @Nullable String data,
            @RequestParam(defaultValue = "panel") String estimator,
            HttpSession session,
            Model model) {
        EstimatorRequest form = new EstimatorRequest();
        form.setEffects("twoway");
        form.setLeads("4");
        form.setLags("4");
        form.setReference("-1");
        return show(data, estimator, form, session, model);
    }

    @PostMapping("/evidence/upload")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "panel") String estimator,
            HttpSession session,
            Model model) {
        try {
            if (file == null || file.isEmpty()) {
                throw Refused.of("file", "choose a panel CSV file", "evidence.validation.chooseFile");
            }
            EvidenceService.checkSize(file.getSize());
            String csv = EvidenceService.text(file.getBytes());
            EvidenceService.header(csv);
            String name = file.getOriginalFilename() == null ? "panel.csv" : file.getOriginalFilename();
            session.setAttribute(SESSION_KEY, new Upload(name, csv));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            return page(null, estimator, session, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/evidence?data=" + UPLOAD + "&estimator=" + known(estimator);
    }

    @PostMapping("/evidence/run")
    String run(
            @RequestParam String data,
            @RequestParam String estimator,
            @ModelAttribute("form") EstimatorRequest form,
            HttpSession session,
            Model model) {
        try {
            model.addAttribute("result", EvidenceView.of(estimator, compute(data, estimator, form, session)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
        }
        return show(data, estimator, form, session, model);
    }

    @PostMapping(path = "/evidence/run", params = "download=json")
    ResponseEntity<byte[]> json(
            @RequestParam String data,
            @RequestParam String estimator,
            @ModelAttribute("form") EstimatorRequest form,
            HttpSession session) {
        byte[] body;
        try {
            body = json.writeValueAsString(compute(data, estimator, form, session))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            return refused(e);
        }
        return download(body, MediaType.APPLICATION_JSON, "evidence-" + known(estimator) + ".json");
    }

    @PostMapping(path = "/evidence/run", params = "download=csv")
    ResponseEntity<byte[]> csv(
            @RequestParam String data,
            @RequestParam String estimator,
            @ModelAttribute("form") EstimatorRequest form,
            HttpSession session) {
        byte[] body;
        try {
            body = EvidenceView.of(estimator, compute(data, estimator, form, session))
                    .csv()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            return refused(e);
        }
        return download(
                body, new MediaType("text", "csv", StandardCharsets.UTF_8), "evidence-" + known(estimator) + ".csv");
    }

    @PostMapping(path = "/evidence/run", params = "download=weights")
    ResponseEntity<byte[]> weights(
            @RequestParam String data,
            @RequestParam String estimator,
            @ModelAttribute("form") EstimatorRequest form,
            HttpSession session) {
        byte[] body;
        try {
            body = EvidenceView.of(estimator, compute(data, estimator, form, session))
                    .weightsCsv()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            return refused(e);
        }
        return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8), "evidence-synth-weights.csv");
    }

    @GetMapping("/evidence/method/{estimator}")
    String method(@PathVariable String estimator, Model model) {
        if (!METHODS.contains(estimator)) {
            throw new NotFoundException("Method", estimator);
        }
        model.addAttribute("estimator", estimator);
        model.addAttribute(
                "breadcrumbs",
                List.of(
                        new Crumb(
                                messages.getMessage("evidence.title", null, LocaleContextHolder.getLocale()),
                                "/evidence"),
                        new Crumb(
                                messages.getMessage(
                                        "evidence.method." + estimator + ".title",
                                        null,
                                        LocaleContextHolder.getLocale()),
                                null)));
        return "evidence/method";
    }

    private Map<String, Object> compute(String data, String estimator, EstimatorRequest form, HttpSession session) {
        String uploaded = null;
        if (data.equals(UPLOAD)) {
            Upload upload = (Upload) session.getAttribute(SESSION_KEY);
            if (upload == null) {
                throw Refused.of(
                        "file",
                        "the uploaded panel is no longer here; upload it again",
                        "evidence.validation.uploadGone");
            }
            uploaded = upload.csv();
        } else {
            form.setPanelSource(data);
        }
        return evidence.run(known(estimator), form, uploaded);
    }

    private String show(
            @Nullable String data, String estimator, EstimatorRequest form, HttpSession session, Model model) {
        String chosen = known(estimator);
        Upload upload = (Upload) session.getAttribute(SESSION_KEY);
        model.addAttribute("sources", evidence.sources());
        model.addAttribute("upload", upload);
        model.addAttribute("estimator", chosen);
        model.addAttribute("estimators", METHODS);
        model.addAttribute("form", form);
        model.addAttribute(
                "limits",
                Map.of(
                        "megabytes", EvidenceService.MAX_BYTES / (1024 * 1024),
                        "rows", EvidenceService.MAX_ROWS,
                        "units", EvidenceService.MAX_UNITS,
                        "donors", EvidenceService.MAX_DONORS,
                        "placeboDonors", EvidenceService.MAX_PLACEBO_DONORS));
        List<String> columns = List.of();
        PanelSource source = null;
        if (data != null && data.equals(UPLOAD) && upload != null) {
            columns = EvidenceService.header(upload.csv());
        } else if (data != null && !data.equals(UPLOAD)) {
            source = evidence.source(data).orElse(null);
            if (source != null) {
                columns = EvidenceService.header(source.csv());
                if (form.getUnit() == null) {
                    form.setUnit(source.unitColumn());
                }
                if (form.getTime() == null) {
                    form.setTime(source.timeColumn());
                }
            }
        }
        String csv = source != null ? source.csv() : upload != null && UPLOAD.equals(data) ? upload.csv() : null;
        // the rows to use: units of the unit column, and a region filter when the panel has a region column
        model.addAttribute("unitValues", csv == null ? List.of() : EvidenceService.values(csv, form.getUnit()));
        model.addAttribute(
                "regions",
                csv == null || !columns.contains("region") ? List.of() : EvidenceService.values(csv, "region"));
        model.addAttribute("data", columns.isEmpty() ? null : data);
        model.addAttribute("source", source);
        model.addAttribute("columns", columns);
        return "evidence/index";
    }

    private static String known(String estimator) {
        if (!METHODS.contains(estimator)) {
            throw new NotFoundException("Estimator", estimator);
        }
        return estimator;
    }

    /** A download asked with input the run refuses: the problems as text (the page shows them on Run). */
    private ResponseEntity<byte[]> refused(InvalidInputException e) {
        StringBuilder text = new StringBuilder();
        FormErrors.of(e, messages, LocaleContextHolder.getLocale())
                .forEach((field, message) ->
                        text.append(field).append(": ").append(message).append('\n'));
        return ResponseEntity.badRequest()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
