package org.bluehelm.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo dataset on the first start, unless switched off with {@code BLUEHELM_DEMO=false}. */
@Component
@Order(50)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoDataset demo;
    private final DemoProperties properties;

    DemoLoader(DemoDataset demo, DemoProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled() && demo.neverLoaded()) {
            DemoStatus status = demo.load();
            log.info(
                    "Loaded the labelled Liberia demo dataset ({} records); an administrator can remove it",
                    status.records());
        }
    }
}
