package org.bluehelm.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Errors that Tomcat answers before the request reaches the application (an address longer than
 * the server reads, {@code server.max-http-request-header-size}): the error page of the browser UI in
 * place of Tomcat's own report. Under {@code /api/} too: Tomcat has not decoded the address of such
 * a request, so whether it was meant for the API cannot be told. Spring
 * Boot's error page cannot take these: they belong to no web application, so only the host's
 * {@link ErrorReportValve} sees them; this replaces it. Errors of the application itself are
 * answered by the application before the valve, which then leaves them alone. Tomcat stops reading
 * such a request at its address, so the page is in English (no cookie or Accept-Language is read)
 * and links to the home page.
 */
@Component
class ConnectorErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConnectorErrors.class);

    private final ApplicationContext application;

    ConnectorErrors(ApplicationContext application) {
        this.application = application;
    }

    /** After Spring Boot's customizer, which adds its own error report valve to the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(Report.class.getName());
            }
            host.getPipeline().addValve(new Report(application, context.getServletContext()));
        });
    }

    /** Tomcat's error report, written as the application writes its errors. */
    static class Report extends ErrorReportValve {

        private final @Nullable ApplicationContext application;
        private final @Nullable ServletContext servletContext;

        /** For Tomcat, should it create the host's valve itself: its plain report without details. */
        public Report() {
            this(null, null);
        }

        Report(@Nullable ApplicationContext application, @Nullable ServletContext servletContext) {
            this.application = application;
            this.servletContext = servletContext;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, @Nullable Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || application == null || servletContext == null) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            try {
                response.resetBuffer();
                page(request, response, status, request.getDecodedRequestURI());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the error page of a request Tomcat refused", e);
            }
        }

        private void page(Request request, Response response, int status, @Nullable String uri) throws IOException {
            ApplicationContext app = application;
            ServletContext servlet = servletContext;
            if (app == null || servlet == null) {
                return;
            }
            // the request belongs to no web application: it is given the application's to render the page
            HttpServletRequest inApplication = new HttpServletRequestWrapper(request.getRequest()) {
                @Override
                public ServletContext getServletContext() {
                    return servlet;
                }

                // Tomcat keeps request attributes for a web application; this request has none
                private final Map<String, Object> attributes = new HashMap<>();

                @Override
                public @Nullable Object getAttribute(String name) {
                    return attributes.get(name);
                }

                @Override
                public Enumeration<String> getAttributeNames() {
                    return Collections.enumeration(attributes.keySet());
                }

                @Override
                public void setAttribute(String name, @Nullable Object value) {
                    if (value == null) {
                        attributes.remove(name);
                    } else {
                        attributes.put(name, value);
                    }
                }

                @Override
                public void removeAttribute(String name) {
                    attributes.remove(name);
                }

                // an address too long is not read at all: the page's own links (EN, FR) go to the home page
                @Override
                public String getRequestURI() {
                    return uri == null || uri.isEmpty() ? "/" : uri;
                }
            };
            Locale locale = WebConfiguration.browserLanguage(inApplication);
            WebContext context = new WebContext(
                    JakartaServletWebApplication.buildApplication(servlet)
                            .buildExchange(inApplication, new HttpServletResponseWrapper(response.getResponse()) {
                                // Tomcat would make the links absolute from an address it did not read
                                @Override
                                public String encodeURL(String url) {
                                    return url;
                                }
                            }),
                    locale);
            context.setVariable(
                    ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(app, null));
            context.setVariable("status", status);
            context.setVariable("tooLarge", status == 400);
            context.setVariable("addressMistake", status == 400);
            if (uri != null && !uri.isEmpty() && status == 400) {
                context.setVariable("withoutQuery", uri);
                context.setVariable("isList", false);
            }
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String html = app.getBean(SpringTemplateEngine.class).process("error", context);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(html);
                writer.flush();
            }
        }
    }
}
