package org.bluehelm.programme;

import java.util.List;

/** An indicator of a programme's results chain, with the codes of the results it measures. */
public record ProgrammeIndicatorView(long id, String code, String name, String unit, List<String> resultCodes) {}
