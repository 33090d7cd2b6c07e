package org.homeward.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.homeward.command.journey.JourneyClosedException;
import org.homeward.refusal.InvalidRequestException;
import org.homeward.refusal.Refusal;
import org.homeward.refusal.RefusalKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bus between processes does not hand on the handler's exception: it sends its details and raises its own
 * {@link CommandExecutionException} with them on the sender's side. The refusal's kind, message and fields come
 * through that, serialized and read back, so the sender answers exactly as if the handler had run beside it.
 */
class RefusalAcrossABusTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRuleRefusedOnAnotherProcessIsAnsweredAsTheSameRefusal() {
        JourneyClosedException raised = new JourneyClosedException(UUID.randomUUID());

        Refusal.Details received = acrossTheWire(raised);

        assertThat(received.kind()).isEqualTo(RefusalKind.RULE_BROKEN);
        assertThat(received.message()).isEqualTo(raised.getMessage());
        assertThat(Refusal.in(new CommandExecutionException("remote", null, received))).contains(received);
    }

    @Test
    void badFieldsComeThroughNamed() {
        Refusal.Details received = acrossTheWire(new InvalidRequestException(
                List.of(new Refusal.Field("occurredOn", "must not be in the future"))));

        assertThat(received.kind()).isEqualTo(RefusalKind.INVALID_REQUEST);
        assertThat(received.fields()).containsExactly(new Refusal.Field("occurredOn", "must not be in the future"));
    }

    @Test
    void aFailureThatIsNoRefusalCarriesNone() {
        assertThat(Refusal.in(new IllegalStateException("boom"))).isEmpty();
        assertThat(Refusal.in(new CommandExecutionException("remote", null, "something else"))).isEmpty();
    }

    /** What a distributed bus does: take the details the handler's exception offers, send them, read them back. */
    private Refusal.Details acrossTheWire(Exception raised) {
        Object details = HandlerExecutionException.resolveDetails(raised).orElseThrow();
        return json.readValue(json.writeValueAsString(details), Refusal.Details.class);
    }
}
