package dk.firmafon.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time on the command line, in the forms people type: a date ({@code 2025-06-02}: its start, in the local time
 * zone), a local date-time ({@code 2025-06-02T14:30} or with seconds, in the local zone) or a date-time with an
 * offset ({@code 2025-06-02T14:30:00+02:00}, {@code ...Z}). A bad value is one line naming the accepted forms.
 */
final class TimeConverter implements ITypeConverter<OffsetDateTime> {
    /** The accepted forms, as the help texts and the error show them. */
    static final String FORMS =
            "2025-06-02 (local midnight), 2025-06-02T14:30 (local time) or 2025-06-02T14:30:00+02:00";

    private final ZoneId zone;

    TimeConverter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public OffsetDateTime convert(String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text);
            }
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time: use " + FORMS);
        }
    }
}
