package org.bluehelm.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Makes the portal cheap on slow links: every page, download and public API answer carries an
 * ETag of its content (a repeated request with If-None-Match gets 304 and no body) and may be kept
 * by any cache for a few minutes.
 */
@Configuration
@EnableConfigurationProperties(PortalProperties.class)
class PortalWebConfiguration {

    /** How long caches may keep a portal answer. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> portalEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/public", "/public/*", "/api/public/*");
        registration.setName("portalEtags");
        return registration;
    }

    /** The per-client rate limit of the public API and downloads (see {@link PortalRateLimit}). */
    @Bean
    FilterRegistrationBean<PortalRateLimit> portalRateLimit(PortalProperties properties) {
        FilterRegistrationBean<PortalRateLimit> registration =
                new FilterRegistrationBean<>(new PortalRateLimit(properties.requestsPerMinute()));
        registration.addUrlPatterns("/public/*", "/api/public/*");
        registration.setName("portalRateLimit");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
