package org.bluehelm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The public API and downloads allow a client 3 requests a minute here; pages are not limited. */
@IntegrationTest
@TestPropertySource(properties = "bluehelm.portal.requests-per-minute=3")
class PortalRateLimitIT {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aClientPastTheLimitGets429WithRetryAfterAndAProblemWhileOthersAreServed() throws Exception {
        mvc.perform(get("/api/public/v1/countries").with(from("192.0.2.10"))).andExpect(status().isOk());
        mvc.perform(get("/public/countries/LBR/indicators.csv").with(from("192.0.2.10")))
                .andExpect(status().isOk());
        mvc.perform(get("/public/countries/LBR/indicators.json").with(from("192.0.2.10")))
                .andExpect(status().isOk());
        String retryAfter = mvc.perform(get("/api/public/v1/countries").with(from("192.0.2.10")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.code").value("rate-limited"))
                .andReturn()
                .getResponse()
                .getHeader("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        mvc.perform(get("/public/countries/LBR/accountability.csv").with(from("192.0.2.10")))
                .andExpect(status().isTooManyRequests());

        // pages stay open to the same client, and another client has its own allowance
        mvc.perform(get("/public/countries/LBR").with(from("192.0.2.10"))).andExpect(status().isOk());
        mvc.perform(get("/api/public/v1/countries").with(from("192.0.2.20"))).andExpect(status().isOk());
    }
}
