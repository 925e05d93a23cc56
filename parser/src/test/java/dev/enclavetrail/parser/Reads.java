package dev.enclavetrail.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** What one lenient read delivered and reported, for assertions. */
final class Reads {

  /** Each record as {@link RecordView#writeJson} wrote it. */
  final List<String> records = new ArrayList<>();

  final List<Long> indices = new ArrayList<>();
  final List<Long> offsets = new ArrayList<>();
  final List<SourceFile> sources = new ArrayList<>();
  final List<CloudTrailParseException> errors = new ArrayList<>();
  ReadSummary summary = new ReadSummary(0, 0, 0, 0);

  Reads() {}

  /** Returns the messages of the errors reported. */
  List<String> messages() {
    return errors.stream().map(Throwable::getMessage).toList();
  }

  private CloudTrailReader reader(CloudTrailReader.Builder builder) {
    return builder.lenient(errors::add).build();
  }

  private void add(RecordView view) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      view.writeJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records.add(out.toString(StandardCharsets.UTF_8));
    indices.add(view.recordIndex());
    offsets.add(view.byteOffset());
    sources.add(view.source());
  }

  /** Reads {@code bytes} leniently as a stream named {@code name}. */
  static Reads of(byte[] bytes, String name) {
    return of(bytes, name, CloudTrailReader.builder());
  }

  /**
   * Reads {@code bytes} leniently twice, as a stream and in place ({@link
   * CloudTrailReader#read(byte[], String, RecordHandler)}), and checks that both reads deliver and
   * report the same, at the same places, and that the array read in place is left as it was.
   */
  static Reads of(byte[] bytes, String name, CloudTrailReader.Builder builder) {
    Reads streamed = new Reads();
    streamed.summary =
        streamed.reader(builder).read(new ByteArrayInputStream(bytes), name, streamed::add);
    Reads inPlace = new Reads();
    byte[] copy = bytes.clone();
    inPlace.summary = inPlace.reader(builder).read(copy, name, inPlace::add);
    assertThat(copy).as("array read in place").isEqualTo(bytes);
    assertThat(inPlace.records).as("records read in place").isEqualTo(streamed.records);
    assertThat(inPlace.indices).as("record indices in place").isEqualTo(streamed.indices);
    assertThat(inPlace.offsets).as("byte offsets in place").isEqualTo(streamed.offsets);
    assertThat(inPlace.sources.toString()).isEqualTo(streamed.sources.toString());
    assertThat(inPlace.messages()).as("errors in place").isEqualTo(streamed.messages());
    assertThat(inPlace.summary.toString())
        .as("summary in place")
        .isEqualTo(streamed.summary.toString());
    return streamed;
  }

  static Reads of(String text, String name) {
    return of(TestData.utf8(text), name);
  }

  /** Reads {@code paths} leniently. */
  static Reads of(List<Path> paths) {
    Reads r = new Reads();
    r.summary = r.reader(CloudTrailReader.builder()).read(paths, r::add);
    return r;
  }

  /** Returns the first error of a strict read of {@code bytes}, or null if there is none. */
  static CloudTrailParseException strictError(byte[] bytes, String name) {
    CloudTrailParseException streamed =
        strictError(
            () -> CloudTrailReader.create().read(new ByteArrayInputStream(bytes), name, v -> {}),
            name);
    CloudTrailParseException inPlace =
        strictError(() -> CloudTrailReader.create().read(bytes, name, v -> {}), name);
    assertThat(inPlace.getMessage()).as("error read in place").isEqualTo(streamed.getMessage());
    return streamed;
  }

  private static CloudTrailParseException strictError(Runnable read, String name) {
    try {
      read.run();
    } catch (CloudTrailParseException e) {
      return e;
    }
    throw new AssertionError("no error reading " + name);
  }

  /** Returns {@code bytes} gzip-compressed, as one member. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
