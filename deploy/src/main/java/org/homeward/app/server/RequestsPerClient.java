package org.homeward.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most so many requests of one client address at once and refuses the rest 429 before their body is
 * read. A request holds a worker thread while its body arrives, for up to the body deadline; without this bound one
 * client trickling bodies over enough connections held every worker thread, and nobody else was answered. The
 * address is the client's as the trusted proxy reports it ({@code server.tomcat.remoteip}), not the proxy's.
 */
class RequestsPerClient extends OncePerRequestFilter {

    private final int limit;
    private final ConcurrentMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    RequestsPerClient(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        int atOnce = inProgress.merge(client, 1, Integer::sum);
        try {
            if (atOnce > limit) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            chain.doFilter(request, response);
        } finally {
            // a client with nothing in progress leaves no entry behind
            inProgress.computeIfPresent(client, (address, count) -> count == 1 ? null : count - 1);
        }
    }
}
