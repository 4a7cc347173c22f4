package io.smsim.live.dcc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DCC's signing and validation tool as the tests use it: {@link DccToolDriver} in a child JVM with
 * the npm package's {@code tool.jar} on its class path, restarted should the tool exit. Not
 * thread-safe.
 */
public final class DccTool implements AutoCloseable {

  /** The tool's result codes (its {@code ResultCode}): 0 success, 3 missing key material, 10 validation failed. */
  public record Result(int code, String messages) {
    public boolean ok() {
      return code == 0;
    }
  }

  public static final int MISSING_KEY = 3;
  public static final int VALIDATION_FAILED = 10;

  private final Path jar;
  private Process process;
  private PrintStream commands;
  private BufferedReader replies;

  public DccTool(Path jar) {
    this.jar = jar;
  }

  /** Signs {@code in} into {@code out} as DCC's tool does (key looked up by the RequestID's originator unless given). */
  public Result sign(Path in, Path out, String... extra) throws IOException {
    List<String> f = new ArrayList<>(List.of("sign", in.toString(), out.toString()));
    f.addAll(List.of(extra));
    return call(String.join("\t", f));
  }

  /** Validates {@code in} (DUIS XSD, then the signature against DCC Boxed's certificates), the unsigned form into {@code out}. */
  public Result validate(Path in, Path out) throws IOException {
    return call("validate\t" + in + "\t" + out);
  }

  private Result call(String command) throws IOException {
    if (process == null || !process.isAlive()) {
      start();
    }
    commands.println(command);
    String line = replies.readLine();
    if (line == null) {
      process = null;
      return new Result(-2, "DCC's tool exited (it calls System.exit on some errors)");
    }
    int tab = line.indexOf('\t');
    return new Result(Integer.parseInt(line.substring(3, tab)), line.substring(tab + 1));
  }

  private void start() throws IOException {
    Path classes;
    try {
      classes = Path.of(DccToolDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    process = new ProcessBuilder(javaBin.toString(), "-cp", jar + File.pathSeparator + classes,
        DccToolDriver.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    if (process != null) {
      commands.close();
      try {
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
