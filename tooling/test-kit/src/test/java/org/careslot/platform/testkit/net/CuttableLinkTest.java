package org.careslot.platform.testkit.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The link in front of a line echo server that records every line it receives. */
class CuttableLinkTest {

    /** How long a client here waits for an answer that a stalled link must never give. */
    private static final int NO_ANSWER_WAIT_MS = 300;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private ServerSocket echo;
    private CuttableLink link;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket connection = echo.accept();
                    Thread.ofVirtual().start(() -> echoLines(connection));
                } catch (IOException e) {
                    return;
                }
            }
        });
        link = new CuttableLink("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        link.close();
        echo.close();
    }

    @Test
    void passesBytesBothWaysWhileOpen() throws IOException {
        try (Client client = new Client(link.port())) {
            assertThat(client.ask("hello")).isEqualTo("hello");
        }
        assertThat(received).containsExactly("hello");
    }

    @Test
    void aCutClosesOpenAndNewConnectionsUntilRestored() throws IOException {
        try (Client open = new Client(link.port())) {
            assertThat(open.ask("before")).isEqualTo("before");
            link.cut();
            assertThat(open.askExpectingNoAnswer("during")).isEqualTo(Client.CLOSED);
        }
        try (Client during = new Client(link.port())) {
            assertThat(during.askExpectingNoAnswer("new during")).isEqualTo(Client.CLOSED);
        }
        link.restore();
        try (Client after = new Client(link.port())) {
            assertThat(after.ask("after")).isEqualTo("after");
        }
        assertThat(received).containsExactly("before", "after");
    }

    @Test
    void aStallAcceptsConnectionsAndAnswersNothingUntilRestored() throws IOException {
        link.stall();
        try (Client stalled = new Client(link.port())) {
            assertThat(stalled.askExpectingNoAnswer("unanswered")).as("held open, no answer").isEqualTo(Client.TIMED_OUT);
            waitUntil(() -> link.heldConnections() == 1);

            link.restore();

            assertThat(stalled.readLine()).as("closed by restore, without an answer").isEqualTo(Client.CLOSED);
        }
        try (Client after = new Client(link.port())) {
            assertThat(after.ask("after")).isEqualTo("after");
        }
        assertThat(received).as("nothing sent during the stall reached the server").containsExactly("after");
        assertThat(link.heldConnections()).isZero();
    }

    @Test
    void aStallHoldsAnOpenConnectionThatSendsAndSparesOneThatStaysIdle() throws IOException {
        try (Client busy = new Client(link.port()); Client idle = new Client(link.port())) {
            assertThat(busy.ask("busy before")).isEqualTo("busy before");
            assertThat(idle.ask("idle before")).isEqualTo("idle before");
            link.stall();

            assertThat(busy.askExpectingNoAnswer("busy during")).isEqualTo(Client.TIMED_OUT);
            waitUntil(() -> link.heldConnections() == 1);
            link.restore();

            assertThat(busy.readLine()).isEqualTo(Client.CLOSED);
            assertThat(idle.ask("idle after")).as("an idle connection outlives the stall").isEqualTo("idle after");
        }
        assertThat(received).containsExactlyInAnyOrder("busy before", "idle before", "idle after");
    }

    @Test
    void aCutEndsAStall() throws IOException {
        link.stall();
        try (Client stalled = new Client(link.port())) {
            assertThat(stalled.askExpectingNoAnswer("unanswered")).isEqualTo(Client.TIMED_OUT);
            link.cut();
            assertThat(stalled.readLine()).isEqualTo(Client.CLOSED);
        }
        assertThat(link.heldConnections()).isZero();
        link.restore();
        try (Client after = new Client(link.port())) {
            assertThat(after.ask("after")).isEqualTo("after");
        }
    }

    @Test
    void closingTheLinkRefusesNewConnections() {
        int port = link.port();
        link.close();
        assertThatThrownBy(() -> new Client(port).ask("anyone?")).isInstanceOf(IOException.class);
    }

    private void echoLines(Socket connection) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                out.println(line);
            }
        } catch (IOException e) {
            // the link closed the connection
        }
    }

    /** Polls a condition that other threads make true; fails after 10 s (a hang, not a slow machine). */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A line client; a read that gets nothing for {@link #NO_ANSWER_WAIT_MS} counts as "no answer". */
    private static final class Client implements AutoCloseable {

        static final String CLOSED = "<closed>";
        static final String TIMED_OUT = "<no answer>";

        private final Socket socket;
        private final BufferedReader in;
        private final PrintWriter out;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /** Sends a line and reads the answer, waiting as long as it takes. */
        String ask(String line) throws IOException {
            socket.setSoTimeout(0);
            out.println(line);
            String answer = in.readLine();
            return answer == null ? CLOSED : answer;
        }

        /** Sends a line and reads briefly: {@link #CLOSED} or {@link #TIMED_OUT}, whatever else came back. */
        String askExpectingNoAnswer(String line) {
            out.println(line);
            return readBriefly();
        }

        /** Reads the next line, waiting as long as it takes; {@link #CLOSED} when the link closed the connection. */
        String readLine() {
            try {
                socket.setSoTimeout(0);
                String answer = in.readLine();
                return answer == null ? CLOSED : answer;
            } catch (IOException e) {
                return CLOSED;
            }
        }

        private String readBriefly() {
            try {
                socket.setSoTimeout(NO_ANSWER_WAIT_MS);
                String answer = in.readLine();
                return answer == null ? CLOSED : answer;
            } catch (SocketTimeoutException e) {
                return TIMED_OUT;
            } catch (IOException e) {
                return CLOSED;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
