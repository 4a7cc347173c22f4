package io.smsim.live.dcc;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs DCC's own signing tool (SmartDCCInnovation dccboxed-signing-tool, shipped as {@code tool.jar}
 * in the npm package {@code @smartdcc/duis-sign-wrap}) in a JVM of its own, many documents per
 * start: the tool's {@code Sign} and {@code Validate} entry points are called as its command line
 * calls them, with standard output sent to a file. The tool calls {@code System.exit} on some
 * errors, so it never runs inside the test's JVM.
 *
 * <p>Protocol on standard input, one command per line, tab-separated: {@code sign IN OUT [ARGS...]}
 * or {@code validate IN OUT}; the answer on standard output is one line {@code rc <code>\t<the tool's
 * messages on one line>}. The tool's classes come from the class path (the jar where npm put it);
 * this class calls them by reflection, so nothing of DCC's is compiled into the project.
 */
public final class DccToolDriver {

  private DccToolDriver() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream reply = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    Method sign = Class.forName("uk.co.smartdcc.boxed.xmldsig.Sign").getMethod("main_aux", String[].class);
    Method validate = Class.forName("uk.co.smartdcc.boxed.xmldsig.Validate").getMethod("main_aux", String[].class);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split("\t");
      ByteArrayOutputStream messages = new ByteArrayOutputStream();
      int rc;
      try (PrintStream out = new PrintStream(new FileOutputStream(f[2]), true, StandardCharsets.UTF_8);
           PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
        System.setOut(out);
        System.setErr(err);
        String[] toolArgs = new String[f.length - 2];
        toolArgs[0] = f[1];
        System.arraycopy(f, 3, toolArgs, 1, f.length - 3);
        Object result = ("sign".equals(f[0]) ? sign : validate).invoke(null, (Object) toolArgs);
        rc = result instanceof Integer i ? i : (Integer) result.getClass().getMethod("value").invoke(result);
      } catch (Exception e) {
        rc = -1;
        messages.write(("driver: " + e + " " + Arrays.toString(f)).getBytes(StandardCharsets.UTF_8));
      }
      reply.println("rc " + rc + "\t" + messages.toString(StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' '));
    }
  }
}
