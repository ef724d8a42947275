package org.bluehelm.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bluehelm.demo.enabled} ({@code BLUEHELM_DEMO}): load the demo dataset on first start. */
@ConfigurationProperties("bluehelm.demo")
record DemoProperties(boolean enabled) {}
