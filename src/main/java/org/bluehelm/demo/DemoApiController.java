package org.bluehelm.demo;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/demo")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Demo dataset", description = "The labelled Liberia demo dataset (administrators only)")
class DemoApiController {

    private final DemoDataset demo;

    DemoApiController(DemoDataset demo) {
        this.demo = demo;
    }

    @GetMapping
    DemoStatus status() {
        return demo.status();
    }

    @PostMapping
    ResponseEntity<DemoStatus> load() {
        return ResponseEntity.status(201).body(demo.load());
    }

    @DeleteMapping
    DemoStatus remove() {
        return demo.remove();
    }
}
