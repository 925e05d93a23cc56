package dev.enclavetrail.parser;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.testkit.KmsRecords;
import dev.enclavetrail.testkit.OtherRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads generated streams far larger than its heap and prints what it read, for {@link
 * BoundedMemoryTest}, which runs it in a JVM of its own with a small {@code -Xmx}. Each argument is
 * {@code <shape>:<MiB>}: {@code ndjson} (JSON lines), {@code logfile} (one {@code
 * {"Records":[...]}} of that size) or {@code gzip} (concatenated gzip members of JSON lines); the
 * bytes are made on the fly, never held.
 */
final class BoundedMemoryMain {

  private BoundedMemoryMain() {}

  public static void main(String[] args) {
    for (String arg : args) {
      String[] f = arg.split(":", -1);
      long target = Long.parseLong(f[1]) << 20;
      Generated in =
          switch (f[0]) {
            case "ndjson" -> new Lines("", "\n", "", target);
            case "logfile" -> new Lines("{\"Records\":[", ",", "]}", target);
            case "gzip" -> Generated.gzipped(target);
            default -> throw new IllegalArgumentException(arg);
          };
      long[] attested = {0};
      long[] images = {0};
      long start = System.nanoTime();
      ReadSummary s =
          CloudTrailReader.create()
              .read(
                  in,
                  f[0],
                  v -> {
                    if (v.isKms() && v.hasRecipient()) {
                      attested[0]++;
                      if (v.recipient().orElseThrow().imageDigest().isPresent()) {
                        images[0]++;
                      }
                    }
                  });
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s bytes=%d records=%d attested=%d delivered=%d rejected=%d readAttested=%d images=%d"
              + " maxHeap=%d seconds=%.2f%n",
          f[0],
          in.uncompressedBytes,
          in.records,
          in.attested,
          s.delivered(),
          s.rejected(),
          attested[0],
          images[0],
          Runtime.getRuntime().maxMemory(),
          seconds);
    }
  }

  /** Records of several kinds, compact, and whether each is attested. */
  private static final List<CloudTrailRecord> RECORDS =
      List.of(
          KmsRecords.decrypt().build(),
          OtherRecords.s3GetObject().seed(2).build(),
          KmsRecords.generateDataKey().seed(3).build(),
          OtherRecords.stsAssumeRole().seed(4).build(),
          KmsRecords.encrypt().seed(5).build(),
          OtherRecords.ec2DescribeInstances().seed(6).build(),
          KmsRecords.generateRandom().seed(7).build(),
          OtherRecords.consoleLogin().seed(8).build());

  /** A stream made as it is read, counting the records and bytes it made. */
  private abstract static class Generated extends InputStream {
    long uncompressedBytes;
    long records;
    long attested;
    private byte[] chunk = new byte[0];
    private int chunkPos;

    /** Returns the next chunk of bytes, or null at the end. */
    abstract byte @Nullable [] nextChunk();

    static Generated gzipped(long target) {
      Lines lines = new Lines("", "\n", "", 4 << 20);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        lines.transferTo(gz);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Members(out.toByteArray(), lines, target);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len) {
        if (chunkPos == chunk.length) {
          byte[] c = nextChunk();
          if (c == null) {
            break;
          }
          chunk = c;
          chunkPos = 0;
        }
        int k = Math.min(len - n, chunk.length - chunkPos);
        System.arraycopy(chunk, chunkPos, b, off + n, k);
        chunkPos += k;
        n += k;
      }
      return n == 0 ? -1 : n;
    }
  }

  /** A prefix, the records in turn with a separator between them, a suffix. */
  private static final class Lines extends Generated {
    private final byte[][] first;
    private final byte[][] later;
    private final boolean[] isAttested;
    private final byte[] suffix;
    private final long target;
    private byte @Nullable [] prefix;
    private boolean ended;

    Lines(String prefix, String separator, String suffix, long target) {
      CloudTrailJackson json = CloudTrailJackson.create();
      int n = RECORDS.size();
      this.first = new byte[n][];
      this.later = new byte[n][];
      this.isAttested = new boolean[n];
      for (int i = 0; i < n; i++) {
        first[i] = json.writeRecordAsBytes(RECORDS.get(i));
        later[i] =
            (separator + new String(first[i], StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        isAttested[i] = RECORDS.get(i).isAttestedKmsRequest();
      }
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
      this.target = target;
    }

    @Override
    byte @Nullable [] nextChunk() {
      byte[] c;
      if (prefix != null) {
        c = prefix;
        prefix = null;
      } else if (ended) {
        return null;
      } else if (uncompressedBytes >= target) {
        ended = true;
        c = suffix;
      } else {
        int k = (int) (records % first.length);
        c = records == 0 ? first[k] : later[k];
        records++;
        if (isAttested[k]) {
          attested++;
        }
      }
      uncompressedBytes += c.length;
      return c;
    }
  }

  /** Copies of one gzip member, each holding what {@code lines} made. */
  private static final class Members extends Generated {
    private final byte[] member;
    private final Lines lines;
    private final long target;

    Members(byte[] member, Lines lines, long target) {
      this.member = member;
      this.lines = lines;
      this.target = target;
    }

    @Override
    byte @Nullable [] nextChunk() {
      if (uncompressedBytes >= target) {
        return null;
      }
      uncompressedBytes += lines.uncompressedBytes;
      records += lines.records;
      attested += lines.attested;
      return member;
    }
  }
}
