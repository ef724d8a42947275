package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bluehelm.test.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Requests Tomcat refuses before the application sees them, answered as the application answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfiguration.class)
class ConnectorErrorsIT {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOverlongAddressGetsTheErrorPageOfTheApplication() throws Exception {
        String query = "?q=" + "a".repeat(20_000);
        // Tomcat stops reading at the address: the page cannot follow the language the browser asks for
        HttpResponse<String> page = get("/missions" + query, "fr");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<link rel=\"stylesheet\" href=\"/css/bluehelm.css\">")
                .contains("<title>This address has a mistake in it · Bluehelm</title>")
                .contains("<h1>This address has a mistake in it</h1>")
                .contains("The address is longer than the server reads")
                .doesNotContain("HTTP Status 400");

        // an address too long is not read at all, so not even as an API address: the page is all that can answer
        HttpResponse<String> api = get("/api/v1/missions" + query, "en");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("<h1>This address has a mistake in it</h1>");
    }
}
