package mallbots.ordering.application;

import mallbots.platform.messaging.Nullable;

/** ordering's answer to a saga command: done (now or before), or refused with the reason the saga is told. */
public record SagaAnswer(boolean done, @Nullable String reason) {

    public SagaAnswer {
        if (done == (reason != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a reason");
        }
    }

    public static SagaAnswer success() {
        return new SagaAnswer(true, null);
    }

    public static SagaAnswer refusal(String reason) {
        return new SagaAnswer(false, reason);
    }
}
