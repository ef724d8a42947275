package org.bluehelm.capacity;

import org.jspecify.annotations.Nullable;

/** A person's service number and name, decrypted for someone who needs them (the reveal is audited). */
public record PersonIdentity(
        long personId, String serviceNumber, @Nullable String name) {}
