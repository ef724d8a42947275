package org.bluehelm.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API list handler that answers with {@link ListExport#jsonOrFile}: the OpenAPI document
 * then shows its {@code format} parameter and its CSV and XLSX responses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ListFile {}
