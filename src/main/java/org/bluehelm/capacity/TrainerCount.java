package org.bluehelm.capacity;

/**
 * The national and international trainers of the training events in one country for one target
 * institution (the institution the event's course is for), summed over the events the user may see.
 */
public record TrainerCount(String countryCode, long institutionId, long national, long international) {}
