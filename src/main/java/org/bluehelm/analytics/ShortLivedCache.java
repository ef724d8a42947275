package org.bluehelm.analytics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A map of recently loaded definitions (indicators, organisation unit lists) kept for a few
 * seconds, so that a dashboard asking for ten indicators does not load ten aggregates from the
 * indicator module on every request. Entries are never trusted for access: scope checks run on
 * every request. A definition changed elsewhere is seen at most {@code ttl} later.
 */
final class ShortLivedCache<K, V> {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAt) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    ShortLivedCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return entry.value();
        }
        V value = load.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    void clear() {
        entries.clear();
    }
}
