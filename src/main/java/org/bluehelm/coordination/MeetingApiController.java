package org.bluehelm.coordination;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.bluehelm.coordination.MeetingRecords.ActionItemCommand;
import org.bluehelm.coordination.MeetingRecords.ActionItemView;
import org.bluehelm.coordination.MeetingRecords.ActionStatus;
import org.bluehelm.coordination.MeetingRecords.DocumentKind;
import org.bluehelm.coordination.MeetingRecords.DocumentSummary;
import org.bluehelm.coordination.MeetingRecords.Download;
import org.bluehelm.coordination.MeetingRecords.MeetingCommand;
import org.bluehelm.coordination.MeetingRecords.MeetingView;
import org.bluehelm.coordination.MeetingRecords.Upload;
import org.bluehelm.shared.ExpectedVersion;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.web.ListExport;
import org.bluehelm.web.ListFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "Coordination meetings", description = "Meetings, decisions, action items and shared documents")
class MeetingApiController {

    private final MeetingService meetings;

    private final ListExport export;

    MeetingApiController(MeetingService meetings, ListExport export) {
        this.meetings = meetings;
        this.export = export;
    }

    @GetMapping("/meetings")
    @ListFile
    ResponseEntity<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                MeetingController.MEETINGS,
                () -> ListExport.allPages((p, s) ->
                        meetings.meetings(q, PageQuery.of(p, s, sort, MeetingService.MEETING_SORTS, "-heldOn"))),
                () -> meetings.meetings(q, PageQuery.of(page, size, sort, MeetingService.MEETING_SORTS, "-heldOn")));
    }

    @GetMapping("/meetings/{id}")
    ResponseEntity<MeetingView> get(@PathVariable long id) {
        MeetingView meeting = meetings.meeting(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(meeting.version())).body(meeting);
    }

    @PostMapping("/meetings")
    ResponseEntity<MeetingView> create(@RequestBody MeetingCommand request) {
        MeetingView meeting = meetings.recordMeeting(request);
        return ResponseEntity.created(URI.create("/api/v1/coordination/meetings/" + meeting.id()))
                .body(meeting);
    }

    @PostMapping("/meetings/{id}/action-items")
    ResponseEntity<ActionItemView> addItem(@PathVariable long id, @RequestBody ActionItemCommand request) {
        return ResponseEntity.status(201).body(meetings.addActionItem(id, request));
    }

    @GetMapping("/action-items/mine")
    @ListFile
    ResponseEntity<?> mine(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return export.jsonOrFile(
                MeetingController.ACTION_ITEMS,
                () -> ListExport.allPages((p, s) ->
                        meetings.myActionItems(q, PageQuery.of(p, s, sort, MeetingService.ACTION_ITEM_SORTS, "open"))),
                () -> meetings.myActionItems(
                        q, PageQuery.of(page, size, sort, MeetingService.ACTION_ITEM_SORTS, "open")));
    }

    @PutMapping("/action-items/{id}/status")
    ActionItemView setStatus(
            @PathVariable long id,
            @RequestBody StatusRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return meetings.setStatus(id, ExpectedVersion.of(request.version(), ifMatch), request.status());
    }

    @GetMapping("/documents")
    PageResponse<DocumentSummary> documents(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return meetings.documents(q, PageQuery.of(page, size, sort, MeetingService.DOCUMENT_SORTS, "title"));
    }

    @PostMapping(value = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentSummary> createDocument(
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable DocumentKind kind,
            @RequestParam(required = false) @Nullable String countryCode,
            @RequestParam(required = false) @Nullable Long missionId,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        DocumentSummary document = meetings.createDocument(title, kind, countryCode, missionId, upload(file), note);
        return ResponseEntity.created(URI.create("/api/v1/coordination/documents/" + document.id()))
                .body(document);
    }

    @PostMapping(value = "/documents/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentSummary> addVersion(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        return ResponseEntity.status(201).body(meetings.addVersion(id, upload(file), note));
    }

    @GetMapping("/documents/{id}/versions/{number}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int number) {
        return file(meetings.download(id, number));
    }

    static @Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        name = name.replaceAll(".*[/\\\\]", "");
        return new Upload(name, file.getContentType(), file.getBytes());
    }

    static ResponseEntity<byte[]> file(Download d) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }

    record StatusRequest(
            @Nullable ActionStatus status, @Nullable Integer version) {}
}
