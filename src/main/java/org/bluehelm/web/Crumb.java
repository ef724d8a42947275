package org.bluehelm.web;

import org.jspecify.annotations.Nullable;

/** One step of the breadcrumb trail; the last one has no link. */
public record Crumb(String label, @Nullable String href) {}
