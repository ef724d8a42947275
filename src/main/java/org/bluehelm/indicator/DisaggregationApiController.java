package org.bluehelm.indicator;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/disaggregations")
@Tag(name = "Disaggregations", description = "Disaggregation categories (e.g. sex) and their options")
class DisaggregationApiController {

    private final DisaggregationService disaggregations;

    DisaggregationApiController(DisaggregationService disaggregations) {
        this.disaggregations = disaggregations;
    }

    @GetMapping
    PageResponse<CategoryView> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return disaggregations.list(q, PageQuery.of(page, size, sort, DisaggregationService.SORTS, "code"));
    }

    @GetMapping("/{id}")
    ResponseEntity<CategoryView> get(@PathVariable long id) {
        CategoryView category = disaggregations.get(id);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(category.version()))
                .body(category);
    }

    @PostMapping
    ResponseEntity<CategoryView> create(@RequestBody CategoryRequest request) {
        CategoryView category = disaggregations.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/disaggregations/" + category.id()))
                .eTag(ExpectedVersion.etag(category.version()))
                .body(category);
    }

    @PutMapping("/{id}")
    ResponseEntity<CategoryView> update(
            @PathVariable long id,
            @RequestBody CategoryRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CategoryView category =
                disaggregations.update(id, ExpectedVersion.of(request.version(), ifMatch), request.command());
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(category.version()))
                .body(category);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        disaggregations.delete(id, ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    record CategoryRequest(
            @Nullable String code,
            @Nullable String name,
            @Nullable List<CategoryCommand.OptionCommand> options,
            @Nullable Integer version) {
        CategoryCommand command() {
            return new CategoryCommand(code, name, options);
        }
    }
}
