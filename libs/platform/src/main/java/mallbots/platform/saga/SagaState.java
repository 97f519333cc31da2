package mallbots.platform.saga;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Nullable;

/**
 * The state of one saga instance, as its item stores it.
 *
 * @param id the saga's id (the sagaId of its commands and replies)
 * @param name the saga's name
 * @param layout the {@link SagaDefinition#layout()} it runs under; null for a saga stored before
 *        layouts were recorded
 * @param data the saga's data as JSON (see {@link #data(Class)})
 * @param step the step whose commands were sent last going forward: the one awaited while running,
 *        the last one when completed, the one that failed when compensated
 * @param done no reply changes it any more
 * @param compensating a step failed and the compensations were sent
 * @param awaiting the message ids of the step's commands whose replies the saga still waits for
 *        (empty once done). A saga stored before parallel steps has one id here, as a plain string.
 * @param succeeded the actions of the step (numbered from 1) whose success replies are in
 * @param failed the actions of the step (numbered from 1) whose failure replies are in, with their reasons
 * @param reason why the saga gave up (when compensating): its failed actions' reasons in action order,
 *        "timed out", or the reason it was stopped with
 * @param deadline while running: when the awaited replies are overdue (see {@link SagaDeadlines});
 *        null once done, and for a saga stored before deadlines
 * @param resends how many times the awaited commands of the current step were sent again (0 when absent)
 * @param correlationId the correlation id of the saga's flow (its commands carry it); null for a
 *        saga stored before it was recorded
 * @param causationId the message that moved the saga to its current step: what re-sent commands
 *        name as their cause
 * @param stepStartedAt while running: when the current step's commands were first sent (a resend
 *        keeps it), what a reply's {@link SagaResult.AnsweredStep#latency()} is measured from;
 *        null once done, and for a saga stored before it was recorded
 */
public record SagaState(
        String id,
        String name,
        @Nullable String layout,
        JsonNode data,
        int step,
        boolean done,
        boolean compensating,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> awaiting,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> succeeded,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, String> failed,
        @Nullable String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant deadline,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer resends,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String correlationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String causationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant stepStartedAt) {

    public SagaState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        awaiting = awaiting == null ? List.of() : List.copyOf(awaiting);
        succeeded = succeeded == null ? List.of() : succeeded.stream().sorted().toList();
        failed = failed == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(failed));
        if (done == !awaiting.isEmpty()) {
            throw new IllegalArgumentException("a running saga awaits a reply, a done one none");
        }
        if (done && deadline != null) {
            throw new IllegalArgumentException("a done saga has no deadline");
        }
        resends = resends == null ? 0 : resends;
        if (resends < 0) {
            throw new IllegalArgumentException("negative resends: " + resends);
        }
    }

    /** The saga's data as its definition's type. */
    public <D> D data(Class<D> type) {
        try {
            return Json.mapper().treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saga " + id + ": cannot read its data as " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Whether it ended with every step done (not compensated). */
    public boolean completed() {
        return done && !compensating;
    }
}
