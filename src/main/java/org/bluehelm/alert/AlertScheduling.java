package org.bluehelm.alert;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the daily check for missing values ({@link AlertEvaluator#daily}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertScheduling {}
