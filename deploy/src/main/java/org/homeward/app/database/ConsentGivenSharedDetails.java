package org.homeward.app.database;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.homeward.journey.ConsentGiven;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ConsentGiven} before revision 2 did not say which contact details a partner may see. Such a consent was
 * to sharing and to no contact detail — which is what an empty {@code sharedDetails} says — so a partner sees
 * none until a new consent names them. Stored events are never rewritten; this reads them forward.
 */
@Component
class ConsentGivenSharedDetails extends SingleEventUpcaster {

    private static final SimpleSerializedType BEFORE = new SimpleSerializedType(ConsentGiven.class.getName(), null);
    private static final SimpleSerializedType AFTER = new SimpleSerializedType(ConsentGiven.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(BEFORE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(AFTER, ObjectNode.class, payload -> {
            payload.putArray("sharedDetails");
            return payload;
        });
    }
}
