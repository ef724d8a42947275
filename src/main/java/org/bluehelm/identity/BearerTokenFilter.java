package org.bluehelm.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API request that carries {@code Authorization: Bearer <personal access token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final BluehelmUserDetailsService userDetails;
    private final ProblemResponses problems;

    BearerTokenFilter(TokenService tokens, BluehelmUserDetailsService userDetails, ProblemResponses problems) {
        this.tokens = tokens;
        this.userDetails = userDetails;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> username = tokens.authenticate(header.substring(7).strip());
        if (username.isEmpty()) {
            problems.write(response, 401, "invalid-token", "The access token is unknown, expired or revoked");
            return;
        }
        BluehelmPrincipal principal = (BluehelmPrincipal) userDetails.loadUserByUsername(username.get());
        if (!principal.isEnabled()) {
            problems.write(response, 401, "invalid-token", "The account of this token is disabled");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
