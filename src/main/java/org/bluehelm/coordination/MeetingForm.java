package org.bluehelm.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.coordination.MeetingRecords.MeetingCommand;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The form that records a meeting on the meetings page; decisions one per line. */
public class MeetingForm {

    private @Nullable String title;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate heldOn;

    private @Nullable String countryCode;
    private List<Long> participantIds = new ArrayList<>();
    private @Nullable String agenda;
    private @Nullable String decisions;

    MeetingCommand command() {
        List<String> lines = decisions == null ? List.of() : Arrays.asList(decisions.split("\\R"));
        return new MeetingCommand(title, heldOn, countryCode, null, participantIds, agenda, lines);
    }

    /** The values to show in the form again: as typed where a value did not fit its field. */
    static Map<String, Object> values(MeetingForm form, BindingResult binding) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : List.of("title", "heldOn", "countryCode", "agenda", "decisions")) {
            Object value = binding.getFieldValue(field);
            values.put(field, value == null ? "" : value);
        }
        values.put("participantIds", form.participantIds);
        return values;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(@Nullable LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public @Nullable String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(@Nullable String countryCode) {
        this.countryCode = countryCode;
    }

    public List<Long> getParticipantIds() {
        return participantIds;
    }

    public void setParticipantIds(@Nullable List<Long> participantIds) {
        this.participantIds = participantIds == null ? new ArrayList<>() : participantIds;
    }

    public @Nullable String getAgenda() {
        return agenda;
    }

    public void setAgenda(@Nullable String agenda) {
        this.agenda = agenda;
    }

    public @Nullable String getDecisions() {
        return decisions;
    }

    public void setDecisions(@Nullable String decisions) {
        this.decisions = decisions;
    }
}
