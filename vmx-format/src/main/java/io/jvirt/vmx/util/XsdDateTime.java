package io.jvirt.vmx.util;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Converts an {@code xsd:dateTime} as vSphere sends it to seconds since the epoch. */
public final class XsdDateTime {
    private XsdDateTime() {
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]}; no zone means UTC; a negative year
     * gives 0; a fraction without zone, or any other shape, is an {@code INTERNAL_ERROR}. An
     * unparsable offset falls back to UTC, as in the ESX driver.
     */
    public static long toEpochSeconds(String value) {
        if (value == null) {
            throw format(null);
        }
        if (value.startsWith("-")) {
            return 0;
        }
        int[] pos = {0};
        int year = number(value, pos, '-');
        int month = number(value, pos, '-');
        int day = number(value, pos, 'T');
        int hour = number(value, pos, ':');
        int minute = number(value, pos, ':');
        int second = number(value, pos, '\0');
        String rest = value.substring(pos[0]);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            throw format(value);
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (!rest.isEmpty()) {
            if (rest.charAt(0) == '.') {
                int i = 1;
                while (i < rest.length() && Character.isDigit(rest.charAt(i)) && rest.charAt(i) < 128) {
                    i++;
                }
                if (i == 1) {
                    throw format(value);
                }
                rest = rest.substring(i);
                if (rest.isEmpty()) {
                    throw format(value);
                }
            }
            if (rest.equals("Z")) {
                offset = ZoneOffset.UTC;
            } else if (rest.charAt(0) == '+' || rest.charAt(0) == '-') {
                offset = parseOffset(rest);
            } else {
                throw format(value);
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(offset);
        } catch (DateTimeException e) {
            throw format(value);
        }
    }

    private static ZoneOffset parseOffset(String text) {
        try {
            return ZoneOffset.of(text);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Reads digits up to the separator (or end for '\0'); -1 when malformed. */
    private static int number(String s, int[] pos, char separator) {
        int i = pos[0];
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 9) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return -1;
        }
        if (separator != '\0') {
            if (i >= s.length() || s.charAt(i) != separator) {
                return -1;
            }
            i++;
        }
        pos[0] = i;
        return (int) v;
    }

    private static HypervisorException format(String value) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "xsd:dateTime value '%s' has unexpected format", value);
    }
}
