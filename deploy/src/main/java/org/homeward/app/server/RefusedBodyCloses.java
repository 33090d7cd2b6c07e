package org.homeward.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says {@code Connection: close} on every error answer to a request that sent a body, as soon as the status is
 * set: such a body may not have been read, and then {@link UnreadBodyCloses} closes the connection once the answer
 * is out. The header has to go out with the answer, before whoever writes the answer commits it, or a keep-alive
 * client would send its next request on the connection being closed.
 */
class RefusedBodyCloses extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                closeOnError(status);
                super.setStatus(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                closeOnError(status);
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                closeOnError(status);
                super.sendError(status, message);
            }

            private void closeOnError(int status) {
                if (status >= 400 && !isCommitted()) {
                    setHeader("Connection", "close");
                }
            }
        });
    }
}
