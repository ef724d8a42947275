package org.bluehelm.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The mission form of the web UI; blank resolution and task rows are ignored. */
public class MissionForm {

    static final int BLANK_ROWS = 2;

    private @Nullable String acronym;
    private @Nullable String name;
    private @Nullable MissionStatus status;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;

    private @Nullable String hostCountries;
    private List<ResolutionRow> resolutions = new ArrayList<>();
    private List<TaskRow> tasks = new ArrayList<>();
    private @Nullable Integer version;

    static MissionForm of(MissionView m) {
        MissionForm form = new MissionForm();
        form.acronym = m.acronym();
        form.name = m.name();
        form.status = m.status();
        form.startDate = m.startDate();
        form.endDate = m.endDate();
        form.hostCountries = String.join(", ", m.hostCountries());
        m.resolutions().forEach(r -> form.resolutions.add(new ResolutionRow(r.symbol(), r.adoptedOn(), r.title())));
        m.tasks().forEach(t -> form.tasks.add(new TaskRow(t.resolution(), t.paragraph(), t.text(), t.pillar())));
        form.version = m.version();
        return form.withBlankRows();
    }

    MissionForm withBlankRows() {
        resolutions.removeIf(ResolutionRow::isBlank);
        tasks.removeIf(TaskRow::isBlank);
        for (int i = 0; i < BLANK_ROWS; i++) {
            resolutions.add(new ResolutionRow());
            tasks.add(new TaskRow());
        }
        return this;
    }

    MissionCommand command() {
        List<String> hosts = hostCountries == null
                ? List.of()
                : Arrays.stream(hostCountries.split("[,;\\s]+"))
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new MissionCommand(
                acronym,
                name,
                status,
                startDate,
                endDate,
                hosts,
                resolutions.stream()
                        .filter(r -> !r.isBlank())
                        .map(r -> new MissionView.ResolutionView(r.getSymbol(), r.getAdoptedOn(), r.getTitle()))
                        .toList(),
                tasks.stream()
                        .filter(t -> !t.isBlank())
                        .map(t -> new MissionView.TaskView(
                                t.getResolution(), t.getParagraph(), t.getText(), t.getPillar()))
                        .toList());
    }

    public @Nullable String getAcronym() {
        return acronym;
    }

    public void setAcronym(@Nullable String acronym) {
        this.acronym = acronym;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable MissionStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable MissionStatus status) {
        this.status = status;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }

    public @Nullable String getHostCountries() {
        return hostCountries;
    }

    public void setHostCountries(@Nullable String hostCountries) {
        this.hostCountries = hostCountries;
    }

    public List<ResolutionRow> getResolutions() {
        return resolutions;
    }

    public void setResolutions(List<ResolutionRow> resolutions) {
        this.resolutions = resolutions;
    }

    public List<TaskRow> getTasks() {
        return tasks;
    }

    public void setTasks(List<TaskRow> tasks) {
        this.tasks = tasks;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    /** One resolution of the mandate. */
    public static class ResolutionRow {
        private @Nullable String symbol;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate adoptedOn;

        private @Nullable String title;

        public ResolutionRow() {}

        ResolutionRow(@Nullable String symbol, @Nullable LocalDate adoptedOn, @Nullable String title) {
            this.symbol = symbol;
            this.adoptedOn = adoptedOn;
            this.title = title;
        }

        boolean isBlank() {
            return (symbol == null || symbol.isBlank()) && adoptedOn == null && (title == null || title.isBlank());
        }

        public @Nullable String getSymbol() {
            return symbol;
        }

        public void setSymbol(@Nullable String symbol) {
            this.symbol = symbol;
        }

        public @Nullable LocalDate getAdoptedOn() {
            return adoptedOn;
        }

        public void setAdoptedOn(@Nullable LocalDate adoptedOn) {
            this.adoptedOn = adoptedOn;
        }

        public @Nullable String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title;
        }
    }

    /** One task of the mandate. */
    public static class TaskRow {
        private @Nullable String resolution;
        private @Nullable String paragraph;
        private @Nullable String text;
        private @Nullable Pillar pillar;

        public TaskRow() {}

        TaskRow(
                @Nullable String resolution,
                @Nullable String paragraph,
                @Nullable String text,
                @Nullable Pillar pillar) {
            this.resolution = resolution;
            this.paragraph = paragraph;
            this.text = text;
            this.pillar = pillar;
        }

        boolean isBlank() {
            return (resolution == null || resolution.isBlank())
                    && (paragraph == null || paragraph.isBlank())
                    && (text == null || text.isBlank())
                    && pillar == null;
        }

        public @Nullable String getResolution() {
            return resolution;
        }

        public void setResolution(@Nullable String resolution) {
            this.resolution = resolution;
        }

        public @Nullable String getParagraph() {
            return paragraph;
        }

        public void setParagraph(@Nullable String paragraph) {
            this.paragraph = paragraph;
        }

        public @Nullable String getText() {
            return text;
        }

        public void setText(@Nullable String text) {
            this.text = text;
        }

        public @Nullable Pillar getPillar() {
            return pillar;
        }

        public void setPillar(@Nullable Pillar pillar) {
            this.pillar = pillar;
        }
    }
}
