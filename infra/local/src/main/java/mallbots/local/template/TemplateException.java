package mallbots.local.template;

/** A template the local cloud cannot run; the message names the resource and the property. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "Resources.OrdersQueue.Properties.FifoQueue: not supported by the local cloud" */
    static TemplateException at(String where, String problem) {
        return new TemplateException(where + ": " + problem);
    }
}
