package mallbots.platform.messaging;

import java.util.List;
import java.util.Map;

/** Some events were not accepted by the bus. Never means "published": the caller keeps them. */
public class PublishException extends RuntimeException {

    private final List<String> publishedMessageIds;
    private final Map<String, String> failedMessageIds;

    /**
     * @param publishedMessageIds the events that were accepted
     * @param failedMessageIds    the events that were not, each with its error
     */
    public PublishException(String message, List<String> publishedMessageIds, Map<String, String> failedMessageIds,
            Throwable cause) {
        super(message, cause);
        this.publishedMessageIds = List.copyOf(publishedMessageIds);
        this.failedMessageIds = Map.copyOf(failedMessageIds);
    }

    public List<String> publishedMessageIds() {
        return publishedMessageIds;
    }

    public Map<String, String> failedMessageIds() {
        return failedMessageIds;
    }
}
