package org.homeward.app.server;

import java.io.IOException;

/** The client took longer than the server allows to send its request body; answered 408. */
public class RequestBodyTooSlowException extends IOException {

    RequestBodyTooSlowException() {
        super("request body not received in time");
    }
}
