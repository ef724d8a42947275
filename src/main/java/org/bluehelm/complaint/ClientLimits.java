package org.bluehelm.complaint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Per-client rate limits for the public pages (a sliding window per client, in memory only): 10
 * reports and 30 follow attempts an hour. A client is known by an HMAC of its address under a
 * random key made at start-up, so neither the address nor anything that leads back to it is ever
 * written anywhere, and the keys mean nothing after a restart.
 */
@Component
class ClientLimits {

    static final int REPORTS_PER_HOUR = 10;
    static final int FOLLOWS_PER_HOUR = 30;
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_CLIENTS = 100_000;

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final Map<String, Deque<Long>> reports = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> follows = new ConcurrentHashMap<>();

    ClientLimits() {
        this(Clock.systemUTC());
    }

    ClientLimits(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Counts a report from the client; false when it has sent its allowance this hour. */
    boolean tryReport(String clientAddress) {
        return tryAcquire(reports, clientAddress, REPORTS_PER_HOUR);
    }

    boolean tryFollow(String clientAddress) {
        return tryAcquire(follows, clientAddress, FOLLOWS_PER_HOUR);
    }

    private boolean tryAcquire(Map<String, Deque<Long>> windows, String clientAddress, int limit) {
        long now = clock.millis();
        long since = now - WINDOW.toMillis();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast() < since;
                }
            });
        }
        Deque<Long> times = windows.computeIfAbsent(client(clientAddress), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private String client(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
