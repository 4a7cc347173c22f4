package io.smsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Adapts picocli's PrintWriter to the PrintStream the report writers take (UTF-8, line-buffered). */
final class WriterOutputStream extends OutputStream {

  private final PrintWriter writer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    buffer.write(b);
    if (b == '\n') {
      flush();
    }
  }

  @Override
  public void flush() {
    writer.write(buffer.toString(StandardCharsets.UTF_8));
    writer.flush();
    buffer.reset();
  }
}
