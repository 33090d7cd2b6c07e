package org.homeward.command;

import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.journey.PersonalDataErased;
import org.homeward.program.ProgramEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes a command carrying an idempotency key take effect once. The key, the request's fingerprint and the
 * command's answer are written in the command's own transaction, so either the events and the key commit
 * together or neither does. A concurrent duplicate waits on the key's unique index until the first commits,
 * then answers what the first answered.
 *
 * <p>Keys are forgotten after {@code homeward.idempotency.keep-for} (24 hours unless configured), longer than any
 * client retries, and at once for a journey whose person is erased: a fingerprint only recognises a request under
 * a key kept outside the database, but even so nothing derived from her data outlives her erasure. A retry after
 * that is still not recorded twice wherever the request names what it creates: the ids derived from the key are
 * the same, so the journey refuses the duplicate (409).
 */
@Ignores(value = {JourneyEvent.class, ProgramEvent.class},
         why = "keys are written by commands; an erasure forgets them")
@Component
@ProcessingGroup("person-keys") // subscribing: forgets in the erasure's own transaction
class IdempotentCommands {

    private record Stored(String fingerprint, byte[] result, String resultType) {
    }

    private static final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration keepFor;

    IdempotentCommands(JdbcTemplate jdbc, Serializer serializer, CommandBus commandBus,
                       CommandSettings settings) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.keepFor = settings.idempotency().keepFor();
        // registered here, not as an interceptor bean: Axon would register such a bean a second time
        commandBus.registerHandlerInterceptor(this::handle);
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String key = (String) command.getMetaData().get(CommandSender.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        String fingerprint = (String) command.getMetaData().get(CommandSender.REQUEST_FINGERPRINT);
        boolean first = jdbc.update("insert into idempotency_key (idempotency_key, request_fingerprint, recorded_at,"
                                    + " aggregate_id) values (?, ?, now(), ?) on conflict do nothing",
                                    key, fingerprint, targets.resolveTarget(command).getIdentifier()) == 1;
        if (!first) {
            return earlierAnswer(key, fingerprint);
        }
        Object result = chain.proceed();
        if (result != null) {
            SerializedObject<byte[]> stored = serializer.serialize(result, byte[].class);
            jdbc.update("update idempotency_key set result = ?, result_type = ? where idempotency_key = ?",
                        stored.getData(), stored.getType().getName(), key);
        }
        return result;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("delete from idempotency_key where aggregate_id = ?", event.journeyId().toString());
    }

    @Scheduled(fixedDelayString = "${homeward.idempotency.purge-interval}")
    void forgetOldKeys() {
        jdbc.update("delete from idempotency_key where recorded_at < now() - ?::interval",
                    keepFor.toSeconds() + " seconds");
    }

    private Object earlierAnswer(String key, String fingerprint) {
        List<Stored> rows = jdbc.query(
                "select request_fingerprint, result, result_type from idempotency_key where idempotency_key = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3)), key);
        Stored earlier = rows.get(0);
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        if (earlier.resultType() == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(earlier.result(), byte[].class,
                                                                   new SimpleSerializedType(earlier.resultType(),
                                                                                            null)));
    }
}
