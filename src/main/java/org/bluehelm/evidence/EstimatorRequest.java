package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of an estimator run, as the API (JSON body or form fields) and the screen take
 * them: the same as the command line's options, named in camel case ({@code treatmentStart} for
 * {@code --treatment-start}). The panel is a {@code panelSource} id, an uploaded file, or (JSON
 * only) the CSV text in {@code csv}.
 */
public class EstimatorRequest {

    private @Nullable String panelSource;
    private @Nullable String csv;
    private @Nullable String unit;
    private @Nullable String time;
    private @Nullable String outcome;
    private List<String> regressors = new ArrayList<>();
    private @Nullable String effects;
    private @Nullable String cluster;
    private @Nullable String treated;
    private @Nullable String treatmentStart;
    private @Nullable String treatment;
    private List<String> predictors = new ArrayList<>();
    private @Nullable String fitWindow;
    private boolean placebos;
    private @Nullable String leads;
    private @Nullable String lags;
    private @Nullable String reference;
    private boolean bin;
    private List<String> units = new ArrayList<>();
    private @Nullable String unitFilter;
    private @Nullable String from;
    private @Nullable String to;
    private @Nullable String missing;

    /** The command-line options these parameters stand for, blanks left out. */
    Estimation.Options toOptions() {
        java.util.Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        put(values, "--unit", unit);
        put(values, "--time", time);
        put(values, "--outcome", outcome);
        regressors.forEach(r -> put(values, "--regressor", r));
        put(values, "--effects", effects);
        put(values, "--cluster", cluster);
        put(values, "--treated", treated);
        put(values, "--treatment-start", treatmentStart);
        put(values, "--treatment", treatment);
        predictors.forEach(p -> put(values, "--predictor", p));
        put(values, "--fit-window", fitWindow);
        put(values, "--leads", leads);
        put(values, "--lags", lags);
        put(values, "--reference", reference);
        if (!units.isEmpty()) {
            put(values, "--units", String.join(",", units));
        }
        put(values, "--where", unitFilter);
        put(values, "--from", from);
        put(values, "--to", to);
        put(values, "--missing", missing);
        java.util.Set<String> flags = new java.util.LinkedHashSet<>();
        if (placebos) {
            flags.add("--placebos");
        }
        if (bin) {
            flags.add("--bin");
        }
        return new Estimation.Options(values, flags);
    }

    private static void put(java.util.Map<String, List<String>> values, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value.trim());
        }
    }

    /**
     * The columns the run uses, to cite their sources ({@code treatmentStart} names a column in an
     * event study, a time in a synthetic control, which matches no column).
     */
    List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (String c : new String[] {outcome, cluster, treatment, treatmentStart}) {
            if (c != null && !c.isBlank()) {
                columns.add(c.trim());
            }
        }
        columns.addAll(regressors);
        for (String p : predictors) {
            if (!p.isBlank()) {
                int colon = p.lastIndexOf(':');
                columns.add((colon < 0 ? p : p.substring(0, colon)).trim());
            }
        }
        return columns;
    }

    public @Nullable String getPanelSource() {
        return panelSource;
    }

    public void setPanelSource(@Nullable String panelSource) {
        this.panelSource = panelSource;
    }

    public @Nullable String getCsv() {
        return csv;
    }

    public void setCsv(@Nullable String csv) {
        this.csv = csv;
    }

    public @Nullable String getUnit() {
        return unit;
    }

    public void setUnit(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable String getTime() {
        return time;
    }

    public void setTime(@Nullable String time) {
        this.time = time;
    }

    public @Nullable String getOutcome() {
        return outcome;
    }

    public void setOutcome(@Nullable String outcome) {
        this.outcome = outcome;
    }

    public List<String> getRegressors() {
        return regressors;
    }

    public void setRegressors(@Nullable List<String> regressors) {
        this.regressors = regressors == null ? new ArrayList<>() : new ArrayList<>(regressors);
    }

    public @Nullable String getEffects() {
        return effects;
    }

    public void setEffects(@Nullable String effects) {
        this.effects = effects;
    }

    public @Nullable String getCluster() {
        return cluster;
    }

    public void setCluster(@Nullable String cluster) {
        this.cluster = cluster;
    }

    public @Nullable String getTreated() {
        return treated;
    }

    public void setTreated(@Nullable String treated) {
        this.treated = treated;
    }

    public @Nullable String getTreatmentStart() {
        return treatmentStart;
    }

    public void setTreatmentStart(@Nullable String treatmentStart) {
        this.treatmentStart = treatmentStart;
    }

    public @Nullable String getTreatment() {
        return treatment;
    }

    public void setTreatment(@Nullable String treatment) {
        this.treatment = treatment;
    }

    public List<String> getPredictors() {
        return predictors;
    }

    /** One predictor per element; in a form, one text may list several, one per line. */
    public void setPredictors(@Nullable List<String> predictors) {
        List<String> list = new ArrayList<>();
        if (predictors != null) {
            for (String p : predictors) {
                for (String line : p.split("[\\r\\n]+")) {
                    if (!line.isBlank()) {
                        list.add(line.trim());
                    }
                }
            }
        }
        this.predictors = list;
    }

    /** The predictors one per line, for a text area. */
    public String getPredictorsText() {
        return String.join("\n", predictors);
    }

    public @Nullable String getFitWindow() {
        return fitWindow;
    }

    public void setFitWindow(@Nullable String fitWindow) {
        this.fitWindow = fitWindow;
    }

    public boolean isPlacebos() {
        return placebos;
    }

    public void setPlacebos(boolean placebos) {
        this.placebos = placebos;
    }

    public @Nullable String getLeads() {
        return leads;
    }

    public void setLeads(@Nullable String leads) {
        this.leads = leads;
    }

    public @Nullable String getLags() {
        return lags;
    }

    public void setLags(@Nullable String lags) {
        this.lags = lags;
    }

    public @Nullable String getReference() {
        return reference;
    }

    public void setReference(@Nullable String reference) {
        this.reference = reference;
    }

    public boolean isBin() {
        return bin;
    }

    public void setBin(boolean bin) {
        this.bin = bin;
    }

    public List<String> getUnits() {
        return units;
    }

    /** The units to keep; a form's multi-select gives one per element, a text may list several with commas. */
    public void setUnits(@Nullable List<String> units) {
        List<String> list = new ArrayList<>();
        if (units != null) {
            for (String u : units) {
                for (String part : u.split(",")) {
                    if (!part.isBlank() && !list.contains(part.trim())) {
                        list.add(part.trim());
                    }
                }
            }
        }
        this.units = list;
    }

    /** A filter on a text column of the panel, {@code COLUMN=VALUE} (e.g. {@code region=Western Africa}). */
    public @Nullable String getUnitFilter() {
        return unitFilter;
    }

    public void setUnitFilter(@Nullable String unitFilter) {
        this.unitFilter = unitFilter;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public @Nullable String getTo() {
        return to;
    }

    public void setTo(@Nullable String to) {
        this.to = to;
    }

    /** {@code error} (the default) or {@code drop}. */
    public @Nullable String getMissing() {
        return missing;
    }

    public void setMissing(@Nullable String missing) {
        this.missing = missing;
    }
}
