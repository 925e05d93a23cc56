package dev.enclavetrail.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parsing of typed condition values: numbers, dates, booleans, base64 and IP addresses or CIDR
 * blocks.
 */
final class Values {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]+)?");
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

  /** Marks a date that does not parse. */
  static final long NO_INSTANT = Long.MIN_VALUE;

  private Values() {}

  static @Nullable BigDecimal number(String text) {
    if (text.length() > 100 || !DECIMAL.matcher(text).matches()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Returns the instant in epoch milliseconds of a W3C ISO 8601 date, date-time (with {@code Z}, an
   * offset, or none meaning UTC; seconds and fractions optional) or of epoch seconds; {@link
   * #NO_INSTANT} if none of these.
   */
  static long instant(String text) {
    if (text.length() > 64) {
      return NO_INSTANT;
    }
    if (EPOCH.matcher(text).matches()) {
      return new BigDecimal(text).movePointRight(3).longValue();
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return NO_INSTANT;
    }
  }

  /** Returns {@code TRUE}, {@code FALSE} (any case) or null. */
  static @Nullable Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static byte @Nullable [] base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Returns the 4 or 16 bytes of an IPv4 or IPv6 address written as a literal, or null; never
   * resolves names.
   */
  static byte @Nullable [] ip(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    if (text.indexOf(':') < 0) {
      return ipv4(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return null;
      }
    }
    try {
      // A literal with a colon is never looked up in DNS; an IPv4-mapped address comes back as
      // IPv4.
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte @Nullable [] ipv4(String text) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (digits == 3 || (digits == 1 && value == 0)) {
          return null;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
      } else if (c == '.') {
        if (value < 0 || value > 255 || part == 4) {
          return null;
        }
        out[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  /** A CIDR block; a bare address is a block of one ({@code /32} or {@code /128}). */
  static final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
      this.network = network;
      this.prefix = prefix;
    }

    static @Nullable Cidr parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      byte[] bytes = ip(address);
      if (bytes == null) {
        return null;
      }
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String p = text.substring(slash + 1);
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
          return null;
        }
        prefix = Integer.parseInt(p);
        if (prefix > bits) {
          return null;
        }
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
