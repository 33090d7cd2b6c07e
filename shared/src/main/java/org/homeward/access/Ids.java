package org.homeward.access;

/**
 * What an id from outside may look like: ids of organisations and staff come from the identity provider, request
 * ids and channels from the client. They are codes, never names, and never look like sealed personal data
 * ({@code enc:v1:...}). Written once here, for validation annotations and checks alike.
 */
public final class Ids {

    /** An organisation's or a member of staff's id. */
    public static final String ID = "(?!enc:)[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
    public static final String ID_RULE = "must be 1 to 64 letters, digits or . _ : @ -, not starting with enc:";

    /** A request id or channel name a client sends along. */
    public static final String TOKEN = "[A-Za-z0-9._:-]{1,64}";
    public static final String TOKEN_RULE = "must be 1 to 64 letters, digits or . _ : -";

    private Ids() {
    }
}
