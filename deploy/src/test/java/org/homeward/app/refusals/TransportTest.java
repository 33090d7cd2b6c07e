package org.homeward.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Behind the TLS-terminating proxy the README asks for, browsers are told to come back over HTTPS only; what a
 * client that is not the proxy claims about the scheme is not believed.
 */
class TransportTest extends HttpTest {

    @Test
    void answersThroughTheProxyOverHttpsCarryStrictTransportSecurity() {
        Reply reply = api.get("/api/v1/milestone-types", Map.of("X-Forwarded-Proto", "https"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void plainHttpCarriesNone() {
        assertThat(api.get("/api/v1/milestone-types").header("Strict-Transport-Security")).isNull();
    }
}
