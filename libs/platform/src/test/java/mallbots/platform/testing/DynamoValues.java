package mallbots.platform.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Comparison, size and validity of attribute values, as DynamoDB defines them (for {@link InMemoryDynamo}). */
final class DynamoValues {

    static final int MAX_ITEM_BYTES = 400 * 1024;

    private DynamoValues() {
    }

    /** Order of two scalar values of one type: numbers by value, strings and binaries by their bytes. */
    static int compare(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        if (a.s() != null && b.s() != null) {
            return compareBytes(a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
        }
        if (a.b() != null && b.b() != null) {
            return compareBytes(a.b().asByteArray(), b.b().asByteArray());
        }
        throw InMemoryDynamo.validation("values of different types do not compare: " + a + " and " + b);
    }

    /** Whether both are scalars of one type, so that {@link #compare} orders them. */
    static boolean comparable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && ((a.n() != null && b.n() != null) || (a.s() != null && b.s() != null)
                || (a.b() != null && b.b() != null));
    }

    /** Equality as DynamoDB sees it: numbers by value. */
    static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
        }
        return a.equals(b);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** What {@code size(path)} gives: characters... bytes of a string or binary, entries of a collection. */
    static AttributeValue size(AttributeValue value) {
        long size;
        if (value.s() != null) {
            size = value.s().length();
        } else if (value.b() != null) {
            size = value.b().asByteArray().length;
        } else if (value.hasL()) {
            size = value.l().size();
        } else if (value.hasM()) {
            size = value.m().size();
        } else if (value.hasSs()) {
            size = value.ss().size();
        } else if (value.hasNs()) {
            size = value.ns().size();
        } else if (value.hasBs()) {
            size = value.bs().size();
        } else {
            throw InMemoryDynamo.validation("Invalid operand type for size: " + value);
        }
        return AttributeValue.fromN(Long.toString(size));
    }

    /** DynamoDB's item limit and its refusal of empty sets. */
    static void checkItem(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + bytes(attribute.getValue());
        }
        if (bytes > MAX_ITEM_BYTES) {
            throw InMemoryDynamo.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static long bytes(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> 1 + bytes(v)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream()
                    .mapToLong(e -> 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + bytes(e.getValue())).sum();
        }
        if (value.hasSs() || value.hasNs() || value.hasBs()) {
            if ((value.hasSs() && value.ss().isEmpty()) || (value.hasNs() && value.ns().isEmpty())
                    || (value.hasBs() && value.bs().isEmpty())) {
                throw InMemoryDynamo.validation("One or more parameter values were invalid: An number set may not be empty");
            }
            return value.hasSs() ? value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum()
                    : value.hasNs() ? value.ns().stream().mapToLong(n -> n.length() / 2 + 1).sum()
                    : value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        return 1; // BOOL, NULL
    }
}
