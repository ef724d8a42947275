package org.bluehelm.mission;

/** Where a deployment figure comes from, with the citation shown next to it. */
public enum DeploymentSource {
    GEOPKO(
            "Geo-PKO v2.3",
            "Cil, D., Fjelde, H., Hultman, L., & Nilsson, D. (2020). Mapping blue helmets: Introducing the"
                    + " Geocoded Peacekeeping Operations (Geo-PKO) dataset. Journal of Peace Research 57(2): 360-370."
                    + " Troops are map-based estimates (average troops per site summed over sites), not official"
                    + " UN strengths."),
    HKS2013(
            "HKS 2013",
            "Hultman, L., Kathman, J., & Shannon, M. (2013). United Nations Peacekeeping and Civilian"
                    + " Protection in Civil War. AJPS 57(4): 875-891; personnel from Kathman, J. (2013), CMPS 30(5):"
                    + " 532-549. Monthly UN personnel averaged over the conflict months of the year in the data.");

    private final String label;
    private final String citation;

    DeploymentSource(String label, String citation) {
        this.label = label;
        this.citation = citation;
    }

    public String label() {
        return label;
    }

    public String citation() {
        return citation;
    }
}
