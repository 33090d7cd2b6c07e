package org.homeward.app.problems;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.homeward.app.database.DatabaseUnavailable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page, for the errors that never reach Spring MVC: a path Tomcat cannot decode or normalise, a
 * malformed header line, a query that is not validly percent-encoded when a filter reads it first, a failure in a
 * filter. Written as problem+json like every other refusal, never with the exception, the path or any header.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (throwable instanceof InvalidParameterException || throwable != null
                                                               && throwable.getCause() instanceof InvalidParameterException) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (throwable != null && DatabaseUnavailable.causedIt(throwable)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        int status = response.getStatus();
        // as Tomcat's own report: only for errors, only once, and never over a body the application wrote
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? "The request is malformed: its path, a header or its query cannot be read"
                        : status == 503 ? "The service cannot reach its database; nothing was recorded, try again"
                        : status == 429 ? "This client has too many requests in progress; nothing was recorded, try"
                                          + " again shortly"
                        : status >= 500 ? "The request could not be completed; nothing was recorded by it"
                        : title;
        String type = status == 400 ? "malformed-request" : status == 503 ? "unavailable"
                      : status == 429 ? "too-many-requests" : "http-" + status;
        String body = "{\"type\":\"urn:homeward:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                      + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone; there is no one left to answer
        }
    }
}
