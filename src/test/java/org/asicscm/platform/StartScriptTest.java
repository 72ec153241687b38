package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run script refuses to start on a taken port, saying which, instead of a server that is never ready. */
class StartScriptTest {

    @Test
    void aBusyBrokerListenPortStopsStartUpWithAMessage() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var result =
                    runScript("SCM_BROKER_LISTEN", "tcp://127.0.0.1:" + taken.getLocalPort(), "SCM_HTTP_PORT", "1");
            assertEquals(2, result.exit(), result.output());
            assertTrue(
                    result.output().contains("127.0.0.1:" + taken.getLocalPort() + " is already in use"),
                    result.output());
        }
    }

    @Test
    void aMalformedBrokerListenAddressIsRefused() throws Exception {
        var result = runScript("SCM_BROKER_LISTEN", "61616", "SCM_HTTP_PORT", "1");
        assertEquals(2, result.exit(), result.output());
        assertTrue(result.output().contains("must look like tcp://127.0.0.1:61616"), result.output());
    }

    @Test
    void aBusyHttpPortStopsStartUpWithAMessage() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var result = runScript("SCM_HTTP_PORT", String.valueOf(taken.getLocalPort()));
            assertEquals(2, result.exit(), result.output());
            assertTrue(
                    result.output().contains("HTTP port 127.0.0.1:" + taken.getLocalPort() + " is already in use"),
                    result.output());
        }
    }

    private record Result(int exit, String output) {}

    private static Result runScript(String... env) throws Exception {
        var command = new ProcessBuilder("bash", "src/main/micro/start-micro.sh", "target/not-started.war")
                .redirectErrorStream(true);
        var environment = command.environment();
        environment.put("MICRO_JAR", "target/not-needed.jar");
        environment.put("ACTIVEMQ_RAR", "target/not-needed.rar");
        environment.put("SCM_DATA_DIR", "target/start-script-test");
        environment.remove("SCM_BROKER_URL");
        for (int i = 0; i < env.length; i += 2) {
            environment.put(env[i], env[i + 1]);
        }
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the script did not stop: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
