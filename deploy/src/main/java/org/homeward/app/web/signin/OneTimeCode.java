package org.homeward.app.web.signin;

import java.io.Serial;
import java.io.Serializable;

/**
 * The one-time code typed on the sign-in form, if any: what the form login hands over besides the password. The
 * signed-in authentication carries an empty one (Spring Security would otherwise copy the typed one into the
 * session it stores).
 */
public record OneTimeCode(String code) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final OneTimeCode NONE = new OneTimeCode(null);
}
