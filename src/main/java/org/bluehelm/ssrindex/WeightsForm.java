package org.bluehelm.ssrindex;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The weights form as posted: one row per indicator the user may change, the weight as typed. */
public class WeightsForm {

    private List<Row> weights = new ArrayList<>();

    public List<Row> getWeights() {
        return weights;
    }

    public void setWeights(List<Row> weights) {
        this.weights = weights;
    }

    public static class Row {
        private @Nullable Long indicatorId;
        private @Nullable String weight;
        private @Nullable Integer version;

        public @Nullable Long getIndicatorId() {
            return indicatorId;
        }

        public void setIndicatorId(@Nullable Long indicatorId) {
            this.indicatorId = indicatorId;
        }

        public @Nullable String getWeight() {
            return weight;
        }

        public void setWeight(@Nullable String weight) {
            this.weight = weight;
        }

        public @Nullable Integer getVersion() {
            return version;
        }

        public void setVersion(@Nullable Integer version) {
            this.version = version;
        }
    }
}
