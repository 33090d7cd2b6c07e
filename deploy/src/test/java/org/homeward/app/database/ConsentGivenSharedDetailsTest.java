package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ContactDetail;
import org.junit.jupiter.api.Test;

/**
 * The upcaster of {@link ConsentGiven} on events exactly as they are stored: the first as release e3bbc1f stored it
 * (its bytes from {@code upgrade/e3bbc1f/events.jsonl}), then one written by today's code, which must pass
 * untouched.
 */
class ConsentGivenSharedDetailsTest {

    private static final String JOURNEY = "546ecbd5-0abd-4721-84f3-695366a58c58";
    private static final String STORED_BY_E3BBC1F = "{\"journeyId\":\"" + JOURNEY + "\",\"purpose\":"
            + "\"SHARING_WITH_PARTNER\",\"partnerOrganisationId\":\"org-legal-clinic\",\"givenOn\":\"2024-03-10\","
            + "\"recordedBy\":\"sv-north\"}";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ConsentGivenSharedDetails());

    @Test
    void aConsentStoredBeforeRevisionTwoSharesNoContactDetail() {
        ConsentGiven read = read(stored(STORED_BY_E3BBC1F.getBytes(StandardCharsets.UTF_8), null));

        assertThat(read).isEqualTo(new ConsentGiven(UUID.fromString(JOURNEY), ConsentPurpose.SHARING_WITH_PARTNER,
                                                    "org-legal-clinic", LocalDate.of(2024, 3, 10), "sv-north",
                                                    Set.of()));
    }

    @Test
    void aConsentWrittenByTodaysCodePassesUntouched() {
        ConsentGiven today = new ConsentGiven(UUID.fromString(JOURNEY), ConsentPurpose.SHARING_WITH_PARTNER,
                                              "org-legal-clinic", LocalDate.of(2026, 3, 10), "sv-north",
                                              Set.of(ContactDetail.FULL_NAME, ContactDetail.PHONE));
        SerializedObject<byte[]> written = serializer.serialize(today, byte[].class);
        assertThat(written.getType().getRevision()).isEqualTo("2");

        List<IntermediateEventRepresentation> upcast = upcast(stored(written.getData(), "2"));

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(written.getType());
        assertThat(read(stored(written.getData(), "2"))).isEqualTo(today);
    }

    private ConsentGiven read(GenericDomainEventEntry<byte[]> stored) {
        IntermediateEventRepresentation event = upcast(stored).get(0);
        return serializer.deserialize(new SimpleSerializedObject<>(event.getData(byte[].class).getData(),
                                                                   byte[].class, event.getType()));
    }

    private List<IntermediateEventRepresentation> upcast(GenericDomainEventEntry<byte[]> stored) {
        return chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
    }

    private static GenericDomainEventEntry<byte[]> stored(byte[] payload, String revision) {
        return new GenericDomainEventEntry<>("Journey", JOURNEY, 6, UUID.randomUUID().toString(), Instant.now(),
                                             ConsentGiven.class.getName(), revision, payload,
                                             "{}".getBytes(StandardCharsets.UTF_8));
    }
}
