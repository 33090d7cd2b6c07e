package org.homeward.app.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request answered without its body being read (refused before it: 401, 403, 404, 406, 415, ...; or an endpoint
 * that ignores its body) does not keep a worker thread draining that body for as long as a client trickling it
 * cares to take. If the answer is not out yet it says {@code Connection: close} and the connection closes once it
 * is ({@link RefusedBodyCloses} has said so already on error answers, which go out before this valve sees them).
 * An answer already out without that header promised the client its connection: then the rest of the body is
 * read here, within the body deadline, and only a client slower than that loses its connection.
 */
class UnreadBodyCloses extends ValveBase {

    private final Duration bodyDeadline;

    UnreadBodyCloses(Duration bodyDeadline) {
        super(true);
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getContentLengthLong() == 0 || request.isAsyncStarted() || fullyRead(request)) {
            return;
        }
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        if ("close".equalsIgnoreCase(response.getHeader("Connection")) || !drained(request)) {
            // the answer is complete first (an error state would cut its last chunk), then Tomcat's own handling
            // of an aborted upload: no draining, the connection closes
            response.finishResponse();
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static boolean fullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean();
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }

    /** Reads the rest of the body until the request's body deadline; each read is bounded by Tomcat's timeout. */
    private boolean drained(Request request) {
        long deadline = request.getCoyoteRequest().getStartTimeNanos() + bodyDeadline.toNanos();
        try {
            InputStream bytes = bodyStream(request);
            Reader chars = bytes == null ? request.getReader() : null;
            char[] charBuffer = new char[8192];
            byte[] byteBuffer = new byte[8192];
            while (System.nanoTime() - deadline < 0) {
                int read = bytes != null ? bytes.read(byteBuffer) : chars.read(charBuffer);
                if (read < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The body as bytes, or null when the application read it as characters (then only the reader is allowed). */
    private static InputStream bodyStream(Request request) throws IOException {
        try {
            return request.getInputStream();
        } catch (IllegalStateException readerInUse) {
            return null;
        }
    }
}
