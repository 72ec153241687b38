package org.asicscm.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Marks the thread with the signed-in user for the whole request, outside every other filter
 * (web.xml lists it first), so that what commits after the REST layer has answered (the
 * idempotency filter's transaction) is still recorded under the user. Also sets the headers
 * every answer carries: no sniffing, no framing, no caching of API answers.
 */
public class ActingFilter extends HttpFilter {
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlation = request.getHeader(Correlation.HEADER);
        Acting.request(
                request.getUserPrincipal() == null
                        ? null
                        : request.getUserPrincipal().getName(),
                correlation != null && CORRELATION.matcher(correlation).matches() ? correlation : null);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getRequestURI().contains("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        try {
            chain.doFilter(request, response);
        } finally {
            Acting.done();
        }
    }
}
