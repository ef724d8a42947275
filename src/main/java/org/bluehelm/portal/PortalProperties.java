package org.bluehelm.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public portal: how many requests to the public API and the downloads one client
 * (by address) may make per minute (the bucket refills evenly over the minute); 0 turns the limit off.
 */
@ConfigurationProperties("bluehelm.portal")
record PortalProperties(int requestsPerMinute) {}
