/**
 * The clearly labelled Liberia demo dataset: an SSR programme set (police, army, justice,
 * corrections, oversight) with institutions, actors, indicators and a few years of invented values,
 * created through the other modules' services on first start, and removable by an administrator.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "geography",
            "mission",
            "institution",
            "actor",
            "indicator",
            "measurement",
            "programme"
        })
@org.jspecify.annotations.NullMarked
package org.bluehelm.demo;
