package org.bluehelm.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rate limit of the public API ({@code /api/public/...}) and the portal's downloads ({@code
 * .csv}, {@code .json}): a token bucket per client address holding {@code requestsPerMinute}
 * tokens, refilled evenly over a minute. A request without a token gets 429 with {@code
 * Retry-After} (whole seconds until the next token) and a problem JSON of code {@code rate-limited}.
 * Buckets live in memory only (a Caffeine cache, forgotten two minutes after a client's last
 * request, at most 100,000 clients), so no address is ever written anywhere. Pages are not limited:
 * they are cached by the browser and any proxy.
 */
class PortalRateLimit extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    PortalRateLimit(int requestsPerMinute) {
        this.capacity = requestsPerMinute;
        this.tokensPerNano = requestsPerMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    /** Tokens of one client. */
    private final class Bucket {
        private double tokens = capacity;
        private long updated = System.nanoTime();

        /** Takes a token; returns 0 when taken, otherwise the nanoseconds until one is available. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return capacity <= 0
                || !(path.startsWith("/api/public/")
                        || (path.startsWith("/public/") && (path.endsWith(".csv") || path.endsWith(".json"))));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = buckets.get(request.getRemoteAddr(), k -> new Bucket()).take();
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(wait / 1e9));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"At most " + capacity + " requests a minute to the public API and downloads;"
                        + " try again in " + seconds + " s.\",\"code\":\"rate-limited\"}");
    }
}
