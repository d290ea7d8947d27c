package io.posthoggitops.cli;

import io.posthoggitops.apply.Interruption;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * SIGINT and SIGTERM during {@code apply} (docs/commands/apply.md#interrupting): before the first
 * write the command ends at once; once writing, the first signal lets the write in flight finish
 * and stops after it, and a second one ends the command at once. Installed through {@code
 * sun.misc.Signal} by reflection, so the build stays free of internal-API warnings; where the JVM
 * has no such class the default handling stays.
 */
final class SignalTrap {
  private static final Map<String, Integer> EXIT = Map.of("INT", 130, "TERM", 143);

  private SignalTrap() {}

  /** The exit code of a command a signal stopped: 128 + its number. */
  static int exitCode(String signal) {
    return signal.equals("SIGTERM") ? 143 : 130;
  }

  static void install(Interruption interruption, PrintWriter err) {
    for (Map.Entry<String, Integer> signal : EXIT.entrySet()) {
      try {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Object which = signalClass.getConstructor(String.class).newInstance(signal.getKey());
        InvocationHandler onSignal =
            (Object proxy, Method method, Object[] args) -> {
              if (method.getName().equals("handle")) {
                handle(interruption, "SIG" + signal.getKey(), signal.getValue(), err);
                return null;
              }
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "SignalTrap";
              };
            };
        Object handler =
            Proxy.newProxyInstance(
                handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
        signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, which, handler);
      } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
        // No sun.misc.Signal, or the signal is reserved here: the JVM's own handling stays.
      }
    }
  }

  private static void handle(Interruption interruption, String name, int exit, PrintWriter err) {
    if (!interruption.writing() || interruption.requested().isPresent()) {
      err.println(
          interruption.writing()
              ? "error: stopped by a second "
                  + name
                  + " at once; the write in flight may or may not have taken effect. Run plan to see PostHog's state."
              : "error: stopped by " + name + " before any write; nothing was written.");
      err.flush();
      Runtime.getRuntime().halt(exit);
    }
    interruption.request(name);
    err.println(
        name
            + ": stopping after the write in flight (send it again to stop at once, leaving that"
            + " write unaccounted for).");
    err.flush();
  }
}
