package org.homeward.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The application carries no code it does not use that listens, connects out or deserialises arbitrary types. */
class AttackSurfaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.thoughtworks.xstream.XStream", "io.axoniq.axonserver.connector.AxonServerConnection",
                            "io.grpc.ManagedChannel", "io.netty.channel.Channel"})
    void isNotOnTheClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
