package org.bluehelm.capacity;

import java.util.List;

/**
 * What a roster import did (or, on a dry run, would do): participants added, people new to the
 * registry and people already known by their service number, and the lines whose name, institution
 * and sex match another person with a different service number (possible duplicates, reported not
 * merged).
 */
public record RosterReport(
        boolean dryRun, int participants, int newPeople, int knownPeople, List<PossibleDuplicate> possibleDuplicates) {

    /** A roster line that may be a person already registered (or on another line) under another number. */
    public record PossibleDuplicate(long line, String matches) {}
}
