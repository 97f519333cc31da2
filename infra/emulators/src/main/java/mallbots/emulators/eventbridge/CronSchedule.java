package mallbots.emulators.eventbridge;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC, as EventBridge
 * writes it: numbers, {@code *}, {@code ?}, lists, ranges, steps, and the names JAN-DEC and
 * SUN-SAT (day-of-week 1 is Sunday). One of day-of-month and day-of-week must be {@code ?}.
 * The {@code L}, {@code W} and {@code #} forms are rejected.
 */
record CronSchedule(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
        BitSet daysOfWeek, BitSet years, boolean anyDayOfMonth, boolean anyDayOfWeek) implements Schedule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int LAST_YEAR = 2199;
    private static final int SEARCH_DAYS = 366 * 5;

    static CronSchedule parse(String body) {
        String[] fields = body.trim().split("\\s+");
        if (fields.length != 6) {
            throw invalid("a cron expression has six fields: minutes hours day-of-month month day-of-week year");
        }
        boolean dayOfMonthUnset = fields[2].equals("?");
        boolean dayOfWeekUnset = fields[4].equals("?");
        if (dayOfMonthUnset == dayOfWeekUnset) {
            throw invalid("exactly one of day-of-month and day-of-week must be '?'");
        }
        return new CronSchedule(
                field(fields[0], 0, 59, List.of(), 0),
                field(fields[1], 0, 23, List.of(), 0),
                dayOfMonthUnset ? all(1, 31) : field(fields[2], 1, 31, List.of(), 0),
                field(fields[3], 1, 12, MONTHS, 1),
                dayOfWeekUnset ? all(1, 7) : field(fields[4], 1, 7, DAYS, 1),
                field(fields[5], 1970, LAST_YEAR, List.of(), 0),
                dayOfMonthUnset || fields[2].equals("*"),
                dayOfWeekUnset || fields[4].equals("*"));
    }

    @Override
    public Instant nextAfter(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            for (int hour = 0; hour < 24; hour++) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    LocalDateTime candidate = day.atTime(hour, minute);
                    if (hours.get(hour) && !candidate.isBefore(start)) {
                        return candidate.toInstant(ZoneOffset.UTC);
                    }
                }
            }
        }
        return Instant.MAX;
    }

    private boolean matchesDay(LocalDate day) {
        if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
            return false;
        }
        // Sunday is 1 in EventBridge, 7 in java.time.
        int dayOfWeek = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
        return (anyDayOfMonth || daysOfMonth.get(day.getDayOfMonth()))
                && (anyDayOfWeek || daysOfWeek.get(dayOfWeek));
    }

    private static BitSet field(String text, int min, int max, List<String> names, int firstNameValue) {
        BitSet values = new BitSet();
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, List.of(), 0);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", 2);
                from = number(bounds[0], min, max, names, firstNameValue);
                to = number(bounds[1], min, max, names, firstNameValue);
            } else {
                from = number(range, min, max, names, firstNameValue);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw invalid("range " + range + " runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String text, int min, int max, List<String> names, int firstNameValue) {
        int named = names.indexOf(text.toUpperCase(java.util.Locale.ROOT));
        if (named >= 0) {
            return named + firstNameValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw invalid(text + " is outside " + min + "-" + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not supported by the local EventBridge (L, W and # are not)");
        }
    }

    private static BitSet all(int min, int max) {
        BitSet values = new BitSet();
        values.set(min, max + 1);
        return values;
    }

    private static EventBridgeException invalid(String reason) {
        return EventBridgeException.validation("Parameter ScheduleExpression is not valid: " + reason + ".");
    }
}
