package dev.enclavetrail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading input files, with the exit status of each failure. */
final class Inputs {

  private Inputs() {}

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCode.NOT_FOUND, file + ": no such file");
    } catch (IOException e) {
      throw new CliException(ExitCode.IO_ERROR, file + ": " + e.getMessage());
    }
  }

  static void requireExists(Path path) {
    if (!Files.exists(path)) {
      throw new CliException(ExitCode.NOT_FOUND, path + ": no such file or directory");
    }
  }
}
