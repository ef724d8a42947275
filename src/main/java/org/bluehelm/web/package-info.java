/**
 * The web frame shared by every module: turning exceptions into RFC 9457 problem responses with a
 * stable {@code code}, error pages and the layout. Holds no domain code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.web;
