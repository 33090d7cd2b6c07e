package org.homeward.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a command on behalf of an HTTP request, carrying its provenance (copied onto every event it causes) and
 * what makes the request idempotent. The one place metadata is set.
 */
@Component
public class CommandSender {

    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String REQUEST_FINGERPRINT = "requestFingerprint";

    private final CommandGateway gateway;
    private final JsonMapper json;
    private final SecretKey fingerprintKey;

    /**
     * @param fingerprintKey kept outside the database, so that a copy of the idempotency table cannot be matched
     *                       against requests guessed from what someone knows about a person (her name, phone,
     *                       birthday): a plain hash of the request could be recomputed by anyone
     */
    CommandSender(CommandGateway gateway, JsonMapper json, @Qualifier("fingerprintKey") SecretKey fingerprintKey) {
        this.gateway = gateway;
        this.json = json;
        this.fingerprintKey = fingerprintKey;
    }

    /**
     * @param requestBody the request as the client sent it, after validation; with the path it identifies the
     *                    request, so a key reused for a different request is recognised
     */
    public <R> R send(Object command, Submission submission, Object requestBody) {
        Map<String, Object> metaData = new HashMap<>(submission.provenance().asMetaData());
        if (submission.idempotencyKey() != null) {
            metaData.put(IDEMPOTENCY_KEY, submission.idempotencyKey());
            metaData.put(REQUEST_FINGERPRINT, fingerprint(submission.path(), requestBody));
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
    }

    /** HMAC-SHA256 under the fingerprint key: recognises the same request again, names no one without the key. */
    private String fingerprint(String path, Object requestBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(json.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
