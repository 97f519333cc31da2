package mallbots.notifications.domain;

/** The step of an order a notification tells the customer about; each has its text. */
public enum NotificationKind {

    ORDER_CREATED("Your order %s has been received."),
    ORDER_READIED("Your order %s is ready."),
    ORDER_COMPLETED("Your order %s is complete. Thank you for shopping with MallBots!"),
    ORDER_CANCELED("Your order %s has been canceled.");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The message for the customer ({@code name} may be null: the greeting is then left out). */
    public String text(String name, String orderId) {
        String body = template.formatted(orderId);
        return name == null ? body : "Hi " + name + ", " + Character.toLowerCase(body.charAt(0)) + body.substring(1);
    }
}
