package org.homeward.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the time a request body may take to arrive. Tomcat's connection timeout only bounds each read, so a
 * client sending one byte every second would hold a worker thread forever; here every read after the deadline
 * fails, the request is answered 408 and Tomcat closes the connection. A read that waits for bytes that never
 * come is ended by the connection timeout, so a body is never read for longer than both together.
 */
class RequestBodyDeadline extends OncePerRequestFilter {

    private final Duration limit;

    RequestBodyDeadline(Duration limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream body;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (body == null) {
                    body = new Deadlined(super.getInputStream(), deadline);
                }
                return body;
            }
        }, response);
    }

    private static final class Deadlined extends ServletInputStream {

        private final ServletInputStream body;
        private final long deadline;

        Deadlined(ServletInputStream body, long deadline) {
            this.body = body;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            check();
            int read = body.read();
            check();
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            int read = body.read(buffer, offset, length);
            check();
            return read;
        }

        private void check() throws RequestBodyTooSlowException {
            if (System.nanoTime() - deadline > 0 && !body.isFinished()) {
                throw new RequestBodyTooSlowException();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
