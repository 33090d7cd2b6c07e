package org.homeward.app.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request answered without its body being read (refused before it: 401, 403, 404, 406, 415, ...) closes its
 * connection once answered. Tomcat would otherwise drain the rest of the body on the worker thread to keep the
 * connection alive, for as long as a client trickling it cares to take. {@link RefusedBodyCloses} has told the
 * client so with the answer.
 */
class UnreadBodyCloses extends ValveBase {

    UnreadBodyCloses() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getContentLengthLong() == 0 || request.isAsyncStarted()) {
            return;
        }
        AtomicBoolean fullyRead = new AtomicBoolean();
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (!fullyRead.get()) {
            // the answer is complete first (an error state would cut its last chunk), then Tomcat's own handling
            // of an aborted upload: no draining, the connection closes
            response.finishResponse();
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
