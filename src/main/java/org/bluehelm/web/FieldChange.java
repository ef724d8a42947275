package org.bluehelm.web;

/** What a conflicting edit changed: the field, the value the user typed and the value now stored. */
public record FieldChange(String field, String yours, String stored) {}
