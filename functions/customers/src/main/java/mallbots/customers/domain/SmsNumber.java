package mallbots.customers.domain;

import mallbots.platform.domain.InvalidValue;

/**
 * A number that can receive SMS: 7 to 15 digits (the E.164 maximum), optionally after a "+".
 * Spaces, dashes, dots and brackets people type are dropped, so "+1 (555) 010-2030" is kept
 * as "+15550102030".
 */
public record SmsNumber(String value) {

    public SmsNumber {
        if (value == null || !value.matches("\\+?[0-9]{7,15}")) {
            throw new InvalidValue("smsNumber must be 7 to 15 digits, optionally after a +: " + value);
        }
    }

    public static SmsNumber parse(String text) {
        String typed = InvalidValue.requireText(text, "smsNumber");
        return new SmsNumber(typed.replaceAll("[\\s().-]", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
