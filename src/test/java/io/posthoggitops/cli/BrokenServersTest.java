package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servers that answer too slowly, never finish, or answer without end: each ends the command with
 * one error naming the request, never a hang, a stack trace or the key.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against hanging, not a speed target
class BrokenServersTest {
  private static final String KEY = "phx_broken_server_key_4d1";
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", KEY);

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  /** Accepts connections on loopback and hands each to {@code answer} on its own thread. */
  private interface Answer {
    void to(InputStream in, OutputStream out) throws IOException, InterruptedException;
  }

  private String serve(Answer answer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  connections.incrementAndGet();
                  Thread each =
                      new Thread(
                          () -> {
                            try (socket) {
                              answer.to(socket.getInputStream(), socket.getOutputStream());
                            } catch (IOException | InterruptedException e) {
                              // the client gave up, as it should
                            }
                          });
                  each.setDaemon(true);
                  each.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    accepting.setDaemon(true);
    accepting.start();
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  private static InProcessCli.Result plan(String url, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "plan";
    args[1] = "examples/flags";
    args[2] = "--api-url";
    args[3] = url;
    System.arraycopy(more, 0, args, 4, more.length);
    return InProcessCli.run(ENV, args);
  }

  @Test
  void aServerThatDripsItsAnswerIsGivenUpAtTheDeadline() throws IOException {
    String url =
        serve(
            (in, out) -> {
              readHeaders(in);
              out.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                      .getBytes(StandardCharsets.US_ASCII));
              for (int i = 0; i < 1000; i++) {
                out.flush();
                Thread.sleep(400);
                out.write(' ');
              }
            });

    InProcessCli.Result result = plan(url, "--timeout", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .startsWith("error: GET /api/projects/@current/ got no answer from 127.0.0.1")
        .contains("no complete answer within 1 s (--timeout)")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(result.stderr().lines()).hasSize(1);
    assertThat(connections.get()).isBetween(2, 5);
    assertThat(result.output()).doesNotContain(KEY);
  }

  @Test
  void anAnswerWithoutEndIsCutOffAtTheBodyLimitAndNotRetried() throws IOException {
    String url =
        serve(
            (in, out) -> {
              readHeaders(in);
              out.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n["
                      .getBytes(StandardCharsets.US_ASCII));
              byte[] filler = " 1,".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
              while (true) {
                out.write(filler);
              }
            });

    InProcessCli.Result result = plan(url, "--timeout", "30");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("GET /api/projects/@current/ got no answer from 127.0.0.1")
        .contains("the answer is larger than 64 MiB, so it was not read")
        .doesNotContain("\tat ");
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  void aDeadServerEndsTheCommandWithOneLine() throws IOException {
    ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    String url = "http://127.0.0.1:" + closed.getLocalPort();
    closed.close();

    InProcessCli.Result result = plan(url, "--timeout", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .startsWith("error: GET /api/projects/@current/ got no answer from 127.0.0.1")
        .contains("connection refused");
    assertThat(result.stderr().lines()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "ten", "601", "1.5"})
  void aTimeoutThatIsNotASensibleNumberOfSecondsIsAUsageError(String value) throws IOException {
    String url = serve((in, out) -> {});

    InProcessCli.Result result = plan(url, "--timeout", value);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.stderr())
        .contains("--timeout '" + value + "' is not a number of seconds from 1 to 600");
    assertThat(connections.get()).isZero();
  }

  @Test
  void theEnvironmentVariableSetsTheDeadlineAndTheFlagWins() throws IOException {
    String url = serve((in, out) -> {});

    InProcessCli.Result fromEnv =
        InProcessCli.run(
            Map.of("MATON_API_KEY", KEY, "POSTHOG_GITOPS_TIMEOUT", "soon"),
            "plan",
            "examples/flags",
            "--api-url",
            url);
    InProcessCli.Result flagWins =
        InProcessCli.run(
            Map.of("MATON_API_KEY", KEY, "POSTHOG_GITOPS_TIMEOUT", "soon"),
            "plan",
            "examples/flags",
            "--api-url",
            url,
            "--timeout",
            "0");

    assertThat(fromEnv.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(fromEnv.stderr()).contains("POSTHOG_GITOPS_TIMEOUT 'soon' is not a number");
    assertThat(flagWins.stderr()).contains("--timeout '0' is not a number");
  }
}
