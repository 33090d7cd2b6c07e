package org.homeward.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    CommandSender(CommandGateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
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

    private String fingerprint(String path, Object requestBody) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(json.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
