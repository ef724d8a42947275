package org.bluehelm.hrddp;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The monitoring entry form of the web UI. */
public class MonitoringForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate observedOn;

    private @Nullable String observation;
    private @Nullable Boolean mitigationRespected;

    MonitoringCommand command() {
        return new MonitoringCommand(observedOn, observation, mitigationRespected);
    }

    public @Nullable LocalDate getObservedOn() {
        return observedOn;
    }

    public void setObservedOn(@Nullable LocalDate observedOn) {
        this.observedOn = observedOn;
    }

    public @Nullable String getObservation() {
        return observation;
    }

    public void setObservation(@Nullable String observation) {
        this.observation = observation;
    }

    public @Nullable Boolean getMitigationRespected() {
        return mitigationRespected;
    }

    public void setMitigationRespected(@Nullable Boolean mitigationRespected) {
        this.mitigationRespected = mitigationRespected;
    }
}
