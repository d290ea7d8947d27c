package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key never crosses a network unencrypted: plain http only to this machine. */
class PlainHttpTest {
  private static final Map<String, String> ENV = Map.of("MATON_API_KEY", "phx_secret_9b2");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.maton.ai/posthog",
        "HTTP://eu.posthog.com",
        "http://10.0.0.7:8000",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com/posthog"
      })
  void plainHttpToAnotherMachineIsAUsageErrorBeforeAnyRequest(String url) {
    InProcessCli.Result result = InProcessCli.run(ENV, "plan", "examples/flags", "--api-url", url);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.stderr())
        .contains("is plain http to another machine")
        .contains("nothing was sent")
        .contains("Use https://");
    assertThat(result.output()).doesNotContain("phx_secret_9b2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d", "http://[::1]:%d"})
  void plainHttpToThisMachineIsSent(String url) throws IOException {
    AtomicInteger connections = new AtomicInteger();
    InetAddress bind =
        url.contains("::1") ? InetAddress.getByName("::1") : InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 5, bind)) {
      Thread accept =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}"
                              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // the client hung up
                }
              });
      accept.start();
      InProcessCli.Result result =
          InProcessCli.run(
              ENV, "plan", "examples/flags", "--api-url", url.formatted(server.getLocalPort()));

      assertThat(connections.get()).as(result.output()).isEqualTo(1);
      assertThat(result.stderr()).doesNotContain("plain http");
    }
  }
}
