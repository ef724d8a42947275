package org.bluehelm.indicator;

import java.util.List;

/** A disaggregation category (e.g. SEX) with its options in display order. */
public record CategoryView(long id, String code, String name, List<OptionView> options, int version) {

    /** One option of a category (e.g. FEMALE); its id is what a disaggregated data value refers to. */
    public record OptionView(long id, String code, String name, int sortOrder) {}
}
